// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { GroupView } from '../api/types';
import { I18nProvider } from '../i18n/I18n';
import { FollowUpSection, type FollowUpView } from './DeliberationPage';

const followUp: FollowUpView = {
  asked: 3, satisfied: 1, fairlySatisfied: 0, dissatisfied: 1, noAnswer: 1, closesAt: '2026-12-20T01:00:00Z',
  answers: [
    { name: '王建国', groupId: 'g3', choice: 'satisfied', comment: '老人上下楼方便多了', channel: 'link' },
    { name: '陈强', groupId: 'g4', choice: 'dissatisfied', comment: null, channel: 'proxy' },
    { name: '赵经理', groupId: null, choice: null, comment: null, channel: null },
  ],
};
const groups = [{ id: 'g3', name: '龙基花园3栋' }, { id: 'g4', name: '龙基花园4栋' }] as GroupView[];

afterEach(() => { cleanup(); localStorage.clear(); });

describe('FollowUpSection', () => {
  it('shows the counts and each answer with the group it speaks for, in Chinese', () => {
    render(<I18nProvider><FollowUpSection followUp={followUp} groups={groups} /></I18nProvider>);
    expect(screen.getByText('回访 3 人：满意 1 人、基本满意 0 人、不满意 1 人，未答复 1 人')).toBeTruthy();
    expect(screen.getByText(/王建国（龙基花园3栋）：\s*满意\s*· 老人上下楼方便多了/)).toBeTruthy();
    expect(screen.getByText(/陈强（龙基花园4栋）：\s*不满意/)).toBeTruthy();
    expect(screen.getByText(/赵经理：\s*未答复/)).toBeTruthy();
    expect(screen.getByText('（楼长代填）')).toBeTruthy();
  });
});
