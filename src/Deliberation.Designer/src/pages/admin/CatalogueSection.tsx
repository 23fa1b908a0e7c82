import { useState, type FormEvent } from 'react';
import { request } from '../../api/client';
import type { CommunityCatalogue, RulesTemplate } from '../../api/types';
import { Message } from '../../components/Message';
import {
  addMatter, advisorKinds, catalogueFieldIds, changeMatter, draftOf, moveMatter, removeMatter, toRequest, toggleAdvisor, type MatterDraft,
} from '../../forms/catalogue';
import { errorText, fieldErrorsOf, useLoad } from '../../hooks';
import { useI18n } from '../../i18n/I18n';
import { loadLaunchable } from '../../launchable';
import { partyKindLabel } from '../../partyKinds';

/**
 * 议事事项目录 (协商事项指导目录): the kinds of matter complaints are logged as, and for each the workflow intake proposes,
 * the professional advisors the panel needs and the default decision rule. Edited as a whole list and saved at once.
 */
export function CatalogueSection({ communityId }: { communityId: string }) {
  const { t } = useI18n();
  const catalogue = useLoad(() => request<CommunityCatalogue>(`/api/communities/${communityId}/catalogue`), [communityId]);
  const workflows = useLoad(loadLaunchable, []);
  const templates = useLoad(() => request<RulesTemplate[]>('/api/rules-templates'), []);
  // Kept here: a save reloads the catalogue, which starts the form afresh from what the server now holds.
  const [saved, setSaved] = useState(false);
  if (catalogue.error) return <Message kind="error">{errorText(catalogue.error, t('requestFailed'))}</Message>;
  if (!catalogue.data) return <p className="loading">{t('loading')}</p>;
  return (
    <CatalogueForm key={JSON.stringify(catalogue.data)} communityId={communityId} catalogue={catalogue.data}
      workflows={workflows.data ?? []} templates={templates.data ?? []} saved={saved}
      onSaving={() => setSaved(false)} onSaved={() => { setSaved(true); catalogue.reload(); }} />
  );
}

function CatalogueForm({ communityId, catalogue, workflows, templates, saved, onSaving, onSaved }: {
  communityId: string; catalogue: CommunityCatalogue; workflows: { definitionId: string; name: string }[]; templates: RulesTemplate[]; saved: boolean;
  onSaving: () => void; onSaved: () => void;
}) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<MatterDraft[]>(() => draftOf(catalogue));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure('');
    onSaving();
    try {
      await request<CommunityCatalogue>(`/api/communities/${communityId}/catalogue`, { method: 'PUT', body: toRequest(draft) });
      setErrors({});
      onSaved();
    } catch (err) {
      setErrors(fieldErrorsOf(err, catalogueFieldIds(draft), 'catalogue-matters'));
      setFailure(errorText(err, t('requestFailed')));
    } finally {
      setBusy(false);
    }
  };

  const error = (id: string) => errors[id] ? <p className="field-error" id={`${id}-error`}>{errors[id]}</p> : null;
  const described = (id: string) => (errors[id] ? `${id}-error` : undefined);

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="catalogue-title" data-testid="catalogue-form">
      <h2 id="catalogue-title">{t('catalogueTitle')}</h2>
      <p className="help">{t('catalogueHelp')}</p>
      <p className="muted" data-testid="catalogue-own">{catalogue.own ? t('catalogueOwn') : t('catalogueDefaults')}</p>
      {errors['catalogue-matters'] ? <p className="field-error" id="catalogue-matters-error" role="alert">{errors['catalogue-matters']}</p> : null}
      <div className="table-scroll">
        <table className="table catalogue-table" data-testid="catalogue">
          <thead>
            <tr>
              <th>{t('matterCode')}</th><th>{t('matterZh')}</th><th>{t('matterEn')}</th><th>{t('matterWorkflow')}</th>
              <th>{t('matterAdvisors')}</th><th>{t('matterRules')}</th><th>{t('matterComplaints')}</th><th />
            </tr>
          </thead>
          <tbody>
            {draft.map((m, i) => {
              const row = t('matterNumber', { n: i + 1 });
              const id = (field: string) => `matter-${i}-${field}`;
              const known = workflows.some((w) => w.definitionId === m.definitionId);
              return (
                <tr key={i} data-testid={`matter-${i}`} role="group" aria-label={`${row} ${m.zh}`}>
                  <td>
                    <input id={id('code')} aria-label={`${row} · ${t('matterCode')}`} value={m.code} maxLength={40} className="code" size={14}
                      readOnly={m.complaints > 0} title={m.complaints > 0 ? t('matterInUse', { n: m.complaints }) : t('matterCodeHelp')}
                      aria-invalid={!!errors[id('code')]} aria-describedby={described(id('code'))}
                      onChange={(e) => setDraft(changeMatter(draft, i, { code: e.target.value }))} />
                    {error(id('code'))}
                  </td>
                  <td>
                    <input id={id('zh')} aria-label={`${row} · ${t('matterZh')}`} value={m.zh} maxLength={100} size={12}
                      aria-invalid={!!errors[id('zh')]} aria-describedby={described(id('zh'))}
                      onChange={(e) => setDraft(changeMatter(draft, i, { zh: e.target.value }))} />
                    {error(id('zh'))}
                  </td>
                  <td>
                    <input id={id('en')} aria-label={`${row} · ${t('matterEn')}`} value={m.en} maxLength={100} size={14}
                      aria-invalid={!!errors[id('en')]} aria-describedby={described(id('en'))}
                      onChange={(e) => setDraft(changeMatter(draft, i, { en: e.target.value }))} />
                    {error(id('en'))}
                  </td>
                  <td>
                    <select id={id('definitionId')} aria-label={`${row} · ${t('matterWorkflow')}`} value={m.definitionId}
                      aria-invalid={!!errors[id('definitionId')]} aria-describedby={described(id('definitionId'))}
                      onChange={(e) => setDraft(changeMatter(draft, i, { definitionId: e.target.value }))}>
                      <option value="">{t('matterDefaultWorkflow')}</option>
                      {workflows.map((w) => <option key={w.definitionId} value={w.definitionId}>{w.name}</option>)}
                      {m.definitionId && !known ? <option value={m.definitionId}>{m.definitionId}</option> : null}
                    </select>
                    {error(id('definitionId'))}
                  </td>
                  <td>
                    <fieldset className="advisor-kinds" aria-label={`${row} · ${t('matterAdvisors')}`} aria-describedby={described(id('advisors'))}>
                      {advisorKinds.map((kind) => (
                        <label key={kind}>
                          <input type="checkbox" checked={m.advisors.includes(kind)} onChange={() => setDraft(toggleAdvisor(draft, i, kind))} />{' '}
                          {partyKindLabel(t, kind)}
                        </label>
                      ))}
                    </fieldset>
                    {error(id('advisors'))}
                  </td>
                  <td>
                    <select id={id('rulesTemplate')} aria-label={`${row} · ${t('matterRules')}`} value={m.rulesTemplate}
                      aria-invalid={!!errors[id('rulesTemplate')]} aria-describedby={described(id('rulesTemplate'))}
                      onChange={(e) => setDraft(changeMatter(draft, i, { rulesTemplate: e.target.value }))}>
                      <option value="">{t('matterDefaultRules')}</option>
                      {templates.map((r) => <option key={r.code} value={r.code}>{lang === 'en' ? r.nameEn : r.nameZh}</option>)}
                      {m.rulesTemplate && !templates.some((r) => r.code === m.rulesTemplate) ? <option value={m.rulesTemplate}>{m.rulesTemplate}</option> : null}
                    </select>
                    {error(id('rulesTemplate'))}
                  </td>
                  <td>{m.complaints}</td>
                  <td>
                    <button type="button" className="link-button" aria-label={`${row} · ${t('matterMoveUp')}`} disabled={i === 0}
                      onClick={() => setDraft(moveMatter(draft, i, -1))}>↑</button>{' '}
                    <button type="button" className="link-button" aria-label={`${row} · ${t('matterMoveDown')}`} disabled={i === draft.length - 1}
                      onClick={() => setDraft(moveMatter(draft, i, 1))}>↓</button>{' '}
                    <button type="button" className="link-button" aria-label={`${row} · ${t('remove')}`} disabled={m.complaints > 0}
                      title={m.complaints > 0 ? t('matterInUse', { n: m.complaints }) : undefined}
                      onClick={() => setDraft(removeMatter(draft, i))}>{t('remove')}</button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p><button type="button" onClick={() => setDraft(addMatter(draft))}>{t('matterAdd')}</button></p>
      {failure ? <Message kind="error" testId="catalogue-message">{failure}</Message>
        : saved ? <Message kind="success" testId="catalogue-message">{t('catalogueSaved')}</Message> : null}
      <button type="submit" className="primary" disabled={busy} aria-busy={busy}>{t('save')}</button>
    </form>
  );
}
