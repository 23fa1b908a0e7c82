import { useState } from 'react';
import { request } from '../api/client';
import type { Complaint } from '../api/types';
import { Message } from '../components/Message';
import { errorText, useLoad } from '../hooks';
import { useI18n } from '../i18n/I18n';

/**
 * Staff merge duplicates: keep one open complaint, tick the ones that repeat it, compare them side by side with what the
 * kept one will say (the strongest severity and urgency, every reporter), confirm, and undo right after if it was wrong.
 */
export function MergePanel({ communityId, onMerged }: { communityId: string; onMerged: () => void }) {
  const { t } = useI18n();
  const open = useLoad(() => request<Complaint[]>(`/api/communities/${communityId}/complaints?status=open`), [communityId]);
  const [target, setTarget] = useState('');
  const [sources, setSources] = useState<string[]>([]);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  // The duplicates of the last merge, which 撤销合并 opens again.
  const [lastMerged, setLastMerged] = useState<string[]>([]);
  const all = open.data ?? [];
  const kept = all.find((c) => c.id === target);
  const duplicates = all.filter((c) => sources.includes(c.id));

  const merge = async () => {
    if (!kept || duplicates.length === 0) { setMessage({ kind: 'error', text: t('selectDuplicates') }); return; }
    if (!window.confirm(t('mergeConfirm', { n: duplicates.length, title: kept.title }))) return;
    try {
      await request(`/api/communities/${communityId}/complaints/${target}/merge`, { method: 'POST', body: { sourceIds: sources } });
      setMessage({ kind: 'success', text: t('merged') });
      setLastMerged(sources);
      setSources([]);
      open.reload();
      onMerged();
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err, t('requestFailed')) });
    }
  };

  const undo = async () => {
    try {
      for (const id of lastMerged) await request(`/api/communities/${communityId}/complaints/${id}/unmerge`, { method: 'POST', body: {} });
      setMessage({ kind: 'success', text: t('mergeUndone') });
      setLastMerged([]);
      open.reload();
      onMerged();
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err, t('requestFailed')) });
    }
  };

  return (
    <section className="card" aria-labelledby="merge-title">
      <h2 id="merge-title">{t('merge')}</h2>
      <table className="table">
        <thead><tr><th scope="col">{t('mergeTarget')}</th><th scope="col">{t('mergeSources')}</th><th scope="col">{t('title')}</th></tr></thead>
        <tbody>
          {(open.data ?? []).map((c) => (
            <tr key={c.id}>
              <td><input type="radio" name="merge-target" aria-label={`${t('mergeTarget')}: ${c.title}`} checked={target === c.id} onChange={() => { setTarget(c.id); setSources(sources.filter((s) => s !== c.id)); }} /></td>
              <td><input type="checkbox" aria-label={`${t('mergeSources')}: ${c.title}`} disabled={target === c.id} checked={sources.includes(c.id)}
                onChange={(e) => setSources(e.target.checked ? [...sources, c.id] : sources.filter((s) => s !== c.id))} /></td>
              <td>{c.title}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {kept && duplicates.length ? (
        <div className="table-scroll">
          <table className="table" data-testid="merge-compare">
            <caption>{t('mergeCompare')}</caption>
            <thead><tr><th scope="col">{t('title')}</th><th scope="col">{t('severity')}</th><th scope="col">{t('urgency')}</th><th scope="col">{t('reporters')}</th></tr></thead>
            <tbody>
              {[kept, ...duplicates].map((c) => (
                <tr key={c.id}><th scope="row">{c.title}{c.id === kept.id ? <span className="badge">{t('mergeKept')}</span> : null}</th><td>{c.severity}</td><td>{c.urgency}</td><td>{c.reporterCount}</td></tr>
              ))}
              <tr className="merge-result">
                <th scope="row">{t('mergeResult')}</th>
                <td>{Math.max(kept.severity, ...duplicates.map((d) => d.severity))}</td>
                <td>{Math.max(kept.urgency, ...duplicates.map((d) => d.urgency))}</td>
                <td>{kept.reporterCount + duplicates.reduce((n, d) => n + d.reporterCount, 0)}</td>
              </tr>
            </tbody>
          </table>
        </div>
      ) : null}
      {message ? <Message kind={message.kind}>{message.text}</Message> : null}
      <p className="actions">
        <button type="button" onClick={() => void merge()}>{t('mergeInto')}</button>
        {lastMerged.length ? <button type="button" onClick={() => void undo()}>{t('undoMerge')}</button> : null}
      </p>
    </section>
  );
}
