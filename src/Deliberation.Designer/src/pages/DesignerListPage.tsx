import { useEffect, useState, type FormEvent } from 'react';
import { request } from '../api/client';
import type { VersionSummary } from '../api/types';
import { Link } from '../components/Link';
import { loadDescriptors } from '../designer/descriptors';
import { ElsaImport } from '../designer/ElsaImport';
import { Message } from '../components/Message';
import { errorText, useLoad } from '../hooks';
import { loadLaunchable } from '../launchable';
import { useI18n } from '../i18n/I18n';
import { navigate } from '../router';
import { useSession } from '../session';

export function DesignerListPage() {
  const { t } = useI18n();
  const list = useLoad(() => request<VersionSummary[]>('/api/workflows'), []);
  // A workflow with a published version (its newest may be a draft) can be started from its row.
  const launchable = useLoad(loadLaunchable, []);
  // The palette is the same for every definition: fetch it while the list is read.
  useEffect(() => { void loadDescriptors().catch(() => undefined); }, []);
  const { community, isAdministrator } = useSession();
  const [newId, setNewId] = useState('');
  const [shared, setShared] = useState(false);
  const [error, setError] = useState('');
  const create = (e: FormEvent) => {
    e.preventDefault();
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(newId)) { setError(t('newWorkflowId')); return; }
    navigate(`/designer/${newId}?new=1${shared ? '&shared=1' : ''}`);
  };
  return (
    <>
      <h1>{t('designerTitle')}</h1>
      <section className="card" aria-labelledby="definitions-title">
        <h2 id="definitions-title">{t('definitions')}</h2>
        {list.error ? <Message kind="error">{errorText(list.error, t('requestFailed'))}</Message> : null}
        <table className="table" data-testid="definitions">
          <thead><tr><th scope="col">{t('title')}</th><th scope="col">ID</th><th scope="col">{t('versions')}</th><th scope="col">{t('status')}</th><th scope="col">{t('workflowScope')}</th><th scope="col"><span className="sr-only">{t('edit')}</span></th><th scope="col"><span className="sr-only">{t('startWorkflow')}</span></th></tr></thead>
          <tbody>
            {(list.data ?? []).map((w) => (
              <tr key={w.definitionId}>
                <td>{w.displayName ?? w.definitionId}</td>
                <td><code>{w.definitionId}</code></td>
                <td>{t('version', { n: w.version })}</td>
                <td>{w.isPublished ? t('published') : t('draft')}</td>
                <td data-testid="workflow-scope">{w.ownerCommunityId === null ? t('sharedWorkflow') : w.ownerCommunityId === community?.id ? community.name : t('ownWorkflow')}</td>
                <td><Link to={`/designer/${w.definitionId}`}>{t('edit')}<span className="sr-only"> {w.definitionId}</span></Link></td>
                <td>{launchable.data?.some((l) => l.definitionId === w.definitionId)
                  ? <Link to={`/start?workflow=${encodeURIComponent(w.definitionId)}`}>{t('startWorkflow')}<span className="sr-only"> {w.definitionId}</span></Link> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <form className="card inline-form" onSubmit={create}>
        <label htmlFor="new-id">{t('newWorkflowId')}</label>
        <input id="new-id" value={newId} onChange={(e) => setNewId(e.target.value)} aria-invalid={!!error} aria-describedby={error ? 'new-id-error' : undefined} />
        {isAdministrator ? <label className="check"><input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} /> {t('makeShared')}</label> : null}
        <button type="submit">{t('newWorkflow')}</button>
        {error ? <p className="field-error" id="new-id-error">{error}</p> : null}
      </form>
      <ElsaImport onImported={list.reload} />
    </>
  );
}
