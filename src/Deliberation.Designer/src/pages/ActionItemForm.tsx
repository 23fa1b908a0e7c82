import { useState, type FormEvent } from 'react';
import { ApiError, request } from '../api/client';
import type { MeetingView, Organisation } from '../api/types';
import { Field } from '../components/Field';
import { Message } from '../components/Message';
import { OrganisationOptions } from '../components/OrganisationOptions';
import { PersonPicker } from '../components/PersonPicker';
import { errorText, useLoad } from '../hooks';
import { useI18n } from '../i18n/I18n';
import type { StringKey } from '../i18n/zh-CN';

/** Where the money comes from (the server's codes), in the order staff meet them. */
export const fundingSources: { value: string; key: StringKey }[] = [
  { value: 'charity-drive', key: 'fundingCharityDrive' },
  { value: 'property-company', key: 'fundingPropertyCompany' },
  { value: 'owners', key: 'fundingOwners' },
  { value: 'micro-grant', key: 'fundingMicroGrant' },
  { value: 'government', key: 'fundingGovernment' },
  { value: 'maintenance-fund', key: 'fundingMaintenanceFund' },
  { value: 'other', key: 'fundingOther' },
];

/** A funding source in the page's language; an unknown code as the server named it. */
export function fundingLabel(t: (key: StringKey) => string, source: string, name: string): string {
  const known = fundingSources.find((f) => f.value === source);
  return known ? t(known.key) : name;
}

interface ShareText { source: string; amount: string; detail: string }
interface ItemText { title: string; party: string; organisationId: string; due: string; budget: string; meetingId: string; shares: ShareText[] }

const emptyItem = (meetingId: string): ItemText => ({ title: '', party: '', organisationId: '', due: '', budget: '', meetingId, shares: [] });

/**
 * The responsible party once an organisation of the directory is chosen (or the choice cleared): the organisation's name
 * when the party was empty or still the name of the organisation chosen before; what staff typed themselves stays.
 */
export function partyForOrganisation(party: string, before: Organisation | undefined, chosen: Organisation | undefined): string {
  const untouched = !party.trim() || (before !== undefined && party.trim() === before.name);
  if (!untouched) return party;
  return chosen?.name ?? '';
}

/** A yuan amount as typed (全角 digits and separators allowed): a number with at most two decimals, or null. */
export function parseYuan(text: string): number | null {
  const normalized = text.trim().replace(/[０-９．，]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[,，\s]/g, '').replace(/元$/, '');
  if (!/^\d+(\.\d{1,2})?$/.test(normalized)) return null;
  return Number(normalized);
}

/**
 * Enters one responsible party's task of a resolution (责任分工): what, who carries it out and who reports on it, by
 * when, the budget, and the money by source (慈善募捐, 物业公司…) adding up to the budget. The workflow assigns the items
 * when the meeting closes; an item added later is taken up by a workflow that assigns again.
 */
export function ActionItemForm({ communityId, caseId, meetings, onChanged }: {
  communityId: string; caseId: string; meetings: MeetingView[]; onChanged: () => void;
}) {
  const { t } = useI18n();
  const latest = meetings[0]?.meeting.id ?? '';
  const [item, setItem] = useState<ItemText>(() => emptyItem(latest));
  const organisations = useLoad(() => request<Organisation[]>(`/api/communities/${communityId}/organisations`), [communityId]);
  const chooseOrganisation = (id: string) => {
    const list = organisations.data ?? [];
    setItem((x) => ({
      ...x, organisationId: id,
      party: partyForOrganisation(x.party, list.find((o) => o.id === x.organisationId), list.find((o) => o.id === id)),
    }));
    setErrors((e) => ({ ...e, 'item-organisation': '', 'item-party': '' }));
  };
  const [reporter, setReporter] = useState({ id: '', name: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const set = (field: keyof Omit<ItemText, 'shares'>) => (value: string) => {
    setItem((x) => ({ ...x, [field]: value }));
    setErrors((e) => ({ ...e, [`item-${field}`]: '' }));
  };
  const setShare = (i: number, part: keyof ShareText, value: string) => {
    setItem((x) => ({ ...x, shares: x.shares.map((s, j) => (j === i ? { ...s, [part]: value } : s)) }));
    setErrors((e) => ({ ...e, [`share-${i}-${part}`]: '', 'item-funding': '' }));
  };

  const budget = parseYuan(item.budget);
  const amounts = item.shares.map((s) => parseYuan(s.amount));
  const total = amounts.reduce<number>((sum, a) => sum + (a ?? 0), 0);
  const yuan = (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

  const check = (): Record<string, string> => {
    const problems: Record<string, string> = {};
    if (!item.title.trim()) problems['item-title'] = t('required');
    if (!item.party.trim()) problems['item-party'] = t('required');
    if (!item.due) problems['item-due'] = t('required');
    else if (new Date(`${item.due}T23:59:59+08:00`) <= new Date()) problems['item-due'] = t('dueInFuture');
    if (item.budget.trim() && budget === null) problems['item-budget'] = t('yuanInvalid');
    item.shares.forEach((s, i) => {
      if (!s.source) problems[`share-${i}-source`] = t('chooseSource');
      if (amounts[i] === null || amounts[i] === 0) problems[`share-${i}-amount`] = t('yuanInvalid');
    });
    if (item.shares.length && budget !== null && !Object.keys(problems).some((k) => k.startsWith('share-')) && Math.abs(total - budget) > 0.001)
      problems['item-funding'] = t('fundingSumMismatch', { total: yuan(total), budget: yuan(budget) });
    return problems;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const problems = check();
    setErrors(problems);
    if (Object.keys(problems).length) {
      setMessage({ kind: 'error', text: t('formHasErrors') });
      document.getElementById(Object.keys(problems)[0]!)?.focus();
      return;
    }
    try {
      await request(`/api/communities/${communityId}/cases/${caseId}/action-items`, {
        method: 'POST',
        body: {
          title: item.title.trim(), responsibleParty: item.party.trim(), personId: reporter.id || null, organisationId: item.organisationId || null,
          // The end of the chosen day, Beijing time.
          dueAt: `${item.due}T23:59:00+08:00`, budget, meetingId: item.meetingId || null,
          funding: item.shares.map((s, i) => ({ source: s.source, amount: amounts[i], detail: s.detail.trim() || null })),
        },
      });
      setMessage({ kind: 'success', text: t('actionItemAdded', { title: item.title.trim() }) });
      setItem(emptyItem(latest));
      setReporter({ id: '', name: '' });
      onChanged();
    } catch (err) {
      const refused = err instanceof ApiError ? err.problem.errors ?? {} : {};
      const ids: Record<string, string> = { title: 'item-title', responsibleParty: 'item-party', dueAt: 'item-due', budget: 'item-budget', personId: 'item-person', funding: 'item-funding', organisationId: 'item-organisation' };
      setErrors(Object.fromEntries(Object.entries(refused).map(([field, texts]) => {
        const share = /^funding\[(\d+)\]\.(\w+)$/.exec(field);
        return [share ? `share-${share[1]}-${share[2]}` : ids[field] ?? 'item-title', texts.join(' ')];
      })));
      setMessage({ kind: 'error', text: errorText(err, t('requestFailed')) });
    }
  };

  const text = (field: 'title' | 'party', label: string, maxLength: number) => (
    <Field id={`item-${field}`} label={`${label} *`} error={errors[`item-${field}`]}>
      {(control) => <input {...control} value={item[field]} onChange={(e) => set(field)(e.target.value)} maxLength={maxLength} aria-required />}
    </Field>
  );
  return (
    <details className="sub-form" data-testid="action-item-form">
      <summary>{t('addActionItem')}</summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="row">
          {text('title', t('actionTask'), 200)}
          {text('party', t('responsibleParty'), 100)}
        </div>
        {organisations.data?.length ? (
          <div className="row">
            <Field id="item-organisation" label={t('actionOrganisation')} help={t('actionOrganisationHelp')} error={errors['item-organisation']}>
              {(control) => (
                <select {...control} value={item.organisationId} onChange={(e) => chooseOrganisation(e.target.value)}>
                  <option value="">{t('actionNoOrganisation')}</option>
                  <OrganisationOptions organisations={organisations.data ?? []} />
                </select>
              )}
            </Field>
          </div>
        ) : null}
        <div className="row">
          <PersonPicker communityId={communityId} idPrefix="item" label={t('reporter')} value={reporter.id} error={errors['item-person']}
            onChange={(id, name) => setReporter({ id, name })} />
        </div>
        <div className="row">
          <Field id="item-due" label={`${t('dueDate')} *`} help={t('dueDateHelp')} error={errors['item-due']}>
            {(control) => <input {...control} type="date" value={item.due} onChange={(e) => set('due')(e.target.value)} aria-required />}
          </Field>
          <Field id="item-budget" label={t('budgetYuan')} error={errors['item-budget']}>
            {(control) => <input {...control} inputMode="decimal" value={item.budget} onChange={(e) => set('budget')(e.target.value)} maxLength={20} />}
          </Field>
          {meetings.length ? (
            <Field id="item-meetingId" label={t('resolvedAt')}>
              {(control) => (
                <select {...control} value={item.meetingId} onChange={(e) => set('meetingId')(e.target.value)}>
                  <option value="">{t('noMeeting')}</option>
                  {meetings.map(({ meeting }) => <option key={meeting.id} value={meeting.id}>{meeting.name}</option>)}
                </select>
              )}
            </Field>
          ) : null}
        </div>
        <fieldset data-field="item-funding" aria-describedby={errors['item-funding'] ? 'item-funding-error' : 'item-funding-help'}>
          <legend>{t('fundingSources')}</legend>
          <p className="help" id="item-funding-help">{t('fundingHelp')}</p>
          {item.shares.map((s, i) => (
            <div key={i} className="row funding-row">
              <Field id={`share-${i}-source`} label={t('fundingSource', { n: i + 1 })} error={errors[`share-${i}-source`]}>
                {(control) => (
                  <select {...control} value={s.source} onChange={(e) => setShare(i, 'source', e.target.value)}>
                    <option value="">{t('choose')}</option>
                    {fundingSources.map((f) => <option key={f.value} value={f.value}>{t(f.key)}</option>)}
                  </select>
                )}
              </Field>
              <Field id={`share-${i}-amount`} label={t('fundingAmount', { n: i + 1 })} error={errors[`share-${i}-amount`]}>
                {(control) => <input {...control} inputMode="decimal" value={s.amount} onChange={(e) => setShare(i, 'amount', e.target.value)} maxLength={20} />}
              </Field>
              <Field id={`share-${i}-detail`} label={t('fundingDetail', { n: i + 1 })} error={errors[`share-${i}-detail`]}>
                {(control) => <input {...control} value={s.detail} onChange={(e) => setShare(i, 'detail', e.target.value)} maxLength={100} />}
              </Field>
              <button type="button" className="link-button" onClick={() => setItem((x) => ({ ...x, shares: x.shares.filter((_, j) => j !== i) }))}>
                {t('removeSource', { n: i + 1 })}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => setItem((x) => ({ ...x, shares: [...x.shares, { source: '', amount: '', detail: '' }] }))}>{t('addSource')}</button>
          {item.shares.length ? (
            <p data-testid="funding-total">{t('fundingTotal', { total: yuan(total) })}{budget !== null ? ` · ${t('budgetIs', { budget: yuan(budget) })}` : ''}</p>
          ) : null}
          {errors['item-funding'] ? <p className="field-error" id="item-funding-error">{errors['item-funding']}</p> : null}
        </fieldset>
        <button type="submit" className="primary">{t('saveActionItem')}</button>
        {message ? <Message kind={message.kind} testId="action-item-message">{message.text}</Message> : null}
      </form>
    </details>
  );
}
