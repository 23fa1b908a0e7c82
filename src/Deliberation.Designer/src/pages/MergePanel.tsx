import { useState } from 'react';
import { request } from '../api/client';
import type { Complaint } from '../api/types';
import { Message } from '../components/Message';
import { errorText, useLoad } from '../hooks';
import { useI18n } from '../i18n/I18n';

/** Staff merge duplicates: keep one open complaint, tick the ones that repeat it. */
export function MergePanel({ communityId, onMerged }: { communityId: string; onMerged: () => void }) {
  const { t } = useI18n();
  const open = useLoad(() => request<Complaint[]>(`/api/communities/${communityId}/complaints?status=open`), [communityId]);
  const [target, setTarget] = useState('');
  const [sources, setSources] = useState<string[]>([]);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  const merge = async () => {
    if (!target || sources.length === 0) { setMessage({ kind: 'error', text: t('selectDuplicates') }); return; }
    try {
      await request(`/api/communities/${communityId}/complaints/${target}/merge`, { method: 'POST', body: { sourceIds: sources } });
      setMessage({ kind: 'success', text: t('merged') });
      setSources([]);
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
      {message ? <Message kind={message.kind}>{message.text}</Message> : null}
      <button type="button" onClick={merge}>{t('mergeInto')}</button>
    </section>
  );
}
