import { useState, type FormEvent } from 'react';
import { request } from '../api/client';
import type { Organisation, PanelView, ResolutionView } from '../api/types';
import { Field } from '../components/Field';
import { OrganisationOptions } from '../components/OrganisationOptions';
import { fieldErrorsOf, useLoad } from '../hooks';
import { useI18n } from '../i18n/I18n';

/** The organisations seated on the panel, in the order they joined: a new resolution's parties unless staff choose others. */
export function panelOrganisations(panel: PanelView | undefined): string[] {
  return [...new Set((panel?.members ?? []).filter((m) => m.active !== false).map((m) => m.organisationId).filter((id): id is string => !!id))];
}

/**
 * 记录决议 (or 修改决议): the resolution's text and the organisations of the directory party to it (当事方), several
 * chosen from the directory; a new one starts with the organisations seated on the panel. The server's refusals show at
 * their fields.
 */
export function ResolutionForm({ communityId, caseId, base, editing, busy, onSaved, onCancel }: {
  communityId: string; caseId: string; base: string; editing?: ResolutionView; busy: boolean; onSaved: () => void; onCancel?: () => void;
}) {
  const { t } = useI18n();
  const idBase = editing ? `resolution-${editing.id}` : 'resolution';
  const organisations = useLoad(() => request<Organisation[]>(`/api/communities/${communityId}/organisations`), [communityId]);
  const panel = useLoad(() => request<PanelView>(`/api/communities/${communityId}/cases/${caseId}/panel`), [communityId, caseId]);
  const [text, setText] = useState(editing?.text ?? '');
  const [chosen, setChosen] = useState<string[] | null>(editing ? editing.parties.map((p) => p.organisationId) : null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const parties = chosen ?? panelOrganisations(panel.data);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setErrors({});
    try {
      const body = { text: text.trim(), organisationIds: parties };
      if (editing) await request(`${base}/resolutions/${editing.id}`, { method: 'PUT', body });
      else await request(`${base}/resolutions`, { method: 'POST', body });
      if (!editing) { setText(''); setChosen(null); }
      onSaved();
    } catch (err) {
      setErrors(fieldErrorsOf(err, { text: `${idBase}-text`, organisationIds: `${idBase}-parties` }, `${idBase}-text`));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="sub-form" noValidate data-testid={editing ? 'resolution-edit' : 'resolution-form'}>
      <Field id={`${idBase}-text`} label={`${editing ? t('resolutionText') : t('newResolution')} *`} error={errors[`${idBase}-text`]}>
        {(control) => <textarea {...control} value={text} onChange={(e) => setText(e.target.value)} rows={2} maxLength={2000} />}
      </Field>
      <Field id={`${idBase}-parties`} label={t('resolutionParties')} help={t('resolutionPartiesHelp')} error={errors[`${idBase}-parties`]}>
        {(control) => (
          <select {...control} multiple size={Math.min(6, Math.max(2, organisations.data?.length ?? 2))} value={parties}
            onChange={(e) => setChosen([...e.target.selectedOptions].map((o) => o.value))}>
            <OrganisationOptions organisations={organisations.data ?? []} />
          </select>
        )}
      </Field>
      <button type="submit" className="primary" disabled={busy || saving || !text.trim()}>{editing ? t('save') : t('add')}</button>
      {onCancel ? <> <button type="button" onClick={onCancel}>{t('cancel')}</button></> : null}
    </form>
  );
}
