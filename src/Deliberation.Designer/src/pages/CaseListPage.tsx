import { useState } from 'react';
import { request } from '../api/client';
import type { CommunityCatalogue } from '../api/types';
import { pick } from '../i18n/I18n';
import { Link } from '../components/Link';
import { Message } from '../components/Message';
import { beijingTime } from '../beijingTime';
import { errorText, useLoad } from '../hooks';
import { useI18n } from '../i18n/I18n';
import { useSession } from '../session';
import { stepNumbers } from '../steps';
import type { StringKey } from '../i18n/zh-CN';

interface CaseListItem {
  id: string; caseNumber: string | null; title: string; stakeholderMode: string; createdAt: string; closedAt: string | null; instanceId: string | null;
  /** The step an open case is at, 1–5. */
  step: number | null;
}
interface CaseListPage { items: CaseListItem[]; total: number; skip: number; take: number }

const pageSize = 20;

/** 议事案件: every case of the community, open and closed, newest first, searched by title or case number, a page at a time. */
export function CaseListPage() {
  const { t, lang } = useI18n();
  const { community } = useSession();
  const communityId = community?.id ?? '';
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState('');
  const [building, setBuilding] = useState('');
  const [matter, setMatter] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [step, setStep] = useState('');
  const [skip, setSkip] = useState(0);
  const buildings = useLoad(() => request<{ id: string; label: string }[]>(`/api/communities/${communityId}/building-groups`), [communityId]);
  const matters = useLoad(async () => (await request<CommunityCatalogue>(`/api/communities/${communityId}/catalogue`)).matters, [communityId]);
  // One filter for the list and its ledger.
  const filter = `status=${status}&q=${encodeURIComponent(search.trim())}${building ? `&buildingGroupId=${building}` : ''}`
    + `${matter ? `&matter=${encodeURIComponent(matter)}` : ''}${overdue ? '&overdue=true' : ''}${step ? `&step=${step}` : ''}`;
  const query = `${filter}&skip=${skip}&take=${pageSize}`;
  const loaded = useLoad(() => request<CaseListPage>(`/api/communities/${communityId}/case-list?${query}`), [communityId, query]);
  const page = loaded.data;
  return (
    <>
      <h1>{t('caseListTitle')}</h1>
      <div className="row">
        <div className="field">
          <label htmlFor="case-search">{t('caseSearch')}</label>
          <input id="case-search" type="search" value={search} maxLength={100} onChange={(e) => { setSearch(e.target.value); setSkip(0); }} />
        </div>
        <div className="field">
          <label htmlFor="case-status">{t('caseStatus')}</label>
          <select id="case-status" value={status} onChange={(e) => { setStatus(e.target.value); setSkip(0); }}>
            <option value="">{t('caseAll')}</option>
            <option value="open">{t('caseOpen')}</option>
            <option value="closed">{t('caseClosed')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="case-step">{t('caseStep')}</label>
          <select id="case-step" value={step} onChange={(e) => { setStep(e.target.value); setSkip(0); }}>
            <option value="">{t('allSteps')}</option>
            {stepNumbers.map((n) => <option key={n} value={n}>{t('stepN', { n })} · {t(`step${n}` as StringKey)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="case-building">{t('building')}</label>
          <select id="case-building" value={building} onChange={(e) => { setBuilding(e.target.value); setSkip(0); }}>
            <option value="">{t('allBuildings')}</option>
            {(buildings.data ?? []).map((b) => <option key={b.id} value={b.id}>{b.label}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="case-matter">{t('caseMatter')}</label>
          <select id="case-matter" value={matter} onChange={(e) => { setMatter(e.target.value); setSkip(0); }}>
            <option value="">{t('allMatters')}</option>
            {(matters.data ?? []).map((m) => <option key={m.code} value={m.code}>{pick(lang, { 'zh-CN': m.zh, en: m.en })}</option>)}
          </select>
        </div>
        <label className="check"><input type="checkbox" checked={overdue} onChange={(e) => { setOverdue(e.target.checked); setSkip(0); }} /> {t('onlyOverdue')}</label>
      </div>
      {loaded.error ? <Message kind="error">{errorText(loaded.error, t('requestFailed'))}</Message> : null}
      {page ? (
        <>
          <p className="muted">
            <span data-testid="case-count">{t('caseCount', { n: page.total })}</span>
            {' · '}<a href={`/api/communities/${communityId}/case-ledger.xlsx?${filter}`} download>{t('exportLedger')}</a>
          </p>
          <div className="table-scroll">
            <table className="table" data-testid="case-list">
              <thead><tr><th>{t('caseNumber')}</th><th>{t('caseTitle')}</th><th>{t('caseCreated')}</th><th>{t('caseStatus')}</th></tr></thead>
              <tbody>
                {page.items.map((c) => (
                  <tr key={c.id}>
                    <td>{c.caseNumber ?? ''}</td>
                    <td>{c.instanceId ? <Link to={`/deliberations/${c.instanceId}`}>{c.title}</Link> : c.title}</td>
                    <td>{beijingTime(c.createdAt, lang, 'date')}</td>
                    <td data-testid="case-state">{c.closedAt ? t('caseClosedOn', { at: beijingTime(c.closedAt, lang, 'date') })
                      : c.step ? `${t('caseOpen')} · ${t('stepN', { n: c.step })} ${t(`step${c.step}` as StringKey)}` : t('caseOpen')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="pager">
            <button type="button" disabled={skip === 0} onClick={() => setSkip(Math.max(0, skip - pageSize))}>{t('previousPage')}</button>
            <span>{t('pageOf', { n: Math.floor(skip / pageSize) + 1, m: Math.max(1, Math.ceil(page.total / pageSize)) })}</span>
            <button type="button" disabled={skip + pageSize >= page.total} onClick={() => setSkip(skip + pageSize)}>{t('nextPage')}</button>
          </div>
        </>
      ) : null}
    </>
  );
}
