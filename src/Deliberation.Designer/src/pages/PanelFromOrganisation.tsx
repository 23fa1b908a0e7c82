import { useState, type FormEvent } from 'react';
import { request } from '../api/client';
import type { Organisation, PanelMemberView } from '../api/types';
import { Field } from '../components/Field';
import { Message } from '../components/Message';
import { OrganisationOptions } from '../components/OrganisationOptions';
import { errorText, fieldErrorsOf, useLoad } from '../hooks';
import { useI18n } from '../i18n/I18n';

/**
 * Adds an organisation of the directory (组织名录) to the case's panel: its representative joins as a party with the
 * organisation's kind and name, so staff need not look the person up on the roster.
 */
export function PanelFromOrganisation({ communityId, caseId, onChanged }: { communityId: string; caseId: string; onChanged: () => void }) {
  const { t } = useI18n();
  const organisations = useLoad(() => request<Organisation[]>(`/api/communities/${communityId}/organisations`), [communityId]);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    if (!chosen) { setError(t('chooseOrganisation')); return; }
    try {
      const member = await request<PanelMemberView>(`/api/communities/${communityId}/cases/${caseId}/panel/organisations`, {
        method: 'POST', body: { organisationId: chosen },
      });
      setError('');
      setChosen('');
      setMessage({ kind: 'success', text: t('panelAdded', { name: member.name }) });
      onChanged();
    } catch (err) {
      setError(fieldErrorsOf(err, { organisationId: 'panel-organisation' }, 'panel-organisation')['panel-organisation'] ?? '');
      setMessage({ kind: 'error', text: errorText(err, t('requestFailed')) });
    }
  };

  return (
    <details className="sub-form" data-testid="panel-from-organisation">
      <summary>{t('panelFromOrganisation')}</summary>
      {organisations.data && organisations.data.length === 0 ? <p className="muted">{t('panelOrganisationNone')}</p> : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Field id="panel-organisation" label={`${t('panelOrganisation')} *`} help={t('panelOrganisationHelp')} error={error}>
            {(control) => (
              <select {...control} value={chosen} onChange={(e) => { setChosen(e.target.value); setError(''); }}>
                <option value="">{t('choose')}</option>
                <OrganisationOptions organisations={organisations.data ?? []} />
              </select>
            )}
          </Field>
          <button type="submit" className="primary">{t('joinPanel')}</button>
          {message ? <Message kind={message.kind} testId="panel-organisation-message">{message.text}</Message> : null}
        </form>
      )}
    </details>
  );
}
