import { describe, expect, it } from 'vitest';
import { incidentIsKnown, incidentText } from './incidents';

describe('incidents', () => {
  it('shows what the server told in the page language', () => {
    const incident = { code: 'template-missing', text: '模板文件“x.scriban”不存在。', message: "Template 'x.scriban' does not exist." };
    expect(incidentText(incident)).toBe('模板文件“x.scriban”不存在。');
    expect(incidentIsKnown(incident)).toBe(true);
  });

  it('shows an incident without a code as the engine gave it', () => {
    const incident = { code: null, text: '', message: 'Npgsql.NpgsqlException: Exception while reading from stream' };
    expect(incidentText(incident)).toBe(incident.message);
    expect(incidentIsKnown(incident)).toBe(false);
  });
});
