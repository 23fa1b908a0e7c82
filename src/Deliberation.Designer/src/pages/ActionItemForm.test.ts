import { describe, expect, it } from 'vitest';
import type { Organisation } from '../api/types';
import { parseYuan, partyForOrganisation } from './ActionItemForm';

describe('parseYuan', () => {
  it('reads yuan as staff type them, full-width digits and separators too', () => {
    expect(parseYuan('30000')).toBe(30000);
    expect(parseYuan('３００００')).toBe(30000);
    expect(parseYuan('1,250.5元')).toBe(1250.5);
    expect(parseYuan(' 50，000 ')).toBe(50000);
  });

  it('refuses what is not an amount with at most two decimals', () => {
    expect(parseYuan('')).toBeNull();
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('-5')).toBeNull();
    expect(parseYuan('五万')).toBeNull();
  });
});

describe('partyForOrganisation', () => {
  const organisation = (id: string, name: string): Organisation =>
    ({ id, name, kind: 'property-company', kindName: '物业公司', notes: null, contacts: [], createdAt: '', updatedAt: '' });
  const property = organisation('p', '宇辉物业服务有限公司');
  const owners = organisation('o', '宇辉星城业主委员会');

  it('names the chosen organisation when the party is empty or still the one chosen before', () => {
    expect(partyForOrganisation('', undefined, property)).toBe('宇辉物业服务有限公司');
    expect(partyForOrganisation('宇辉物业服务有限公司', property, owners)).toBe('宇辉星城业主委员会');
    expect(partyForOrganisation('宇辉物业服务有限公司', property, undefined)).toBe('');
  });

  it('keeps a party staff typed themselves', () => {
    expect(partyForOrganisation('物业公司工程部', property, owners)).toBe('物业公司工程部');
    expect(partyForOrganisation('物业公司工程部', undefined, property)).toBe('物业公司工程部');
  });
});
