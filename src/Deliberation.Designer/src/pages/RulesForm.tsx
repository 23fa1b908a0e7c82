import { useState, type FormEvent } from 'react';
import { ApiError, request } from '../api/client';
import type { RulesDocument, RulesTemplate } from '../api/types';
import { Field } from '../components/Field';
import { Message } from '../components/Message';
import { normalizeQuorum, quorumProblem } from '../forms/quorum';
import { errorText } from '../hooks';
import { useI18n } from '../i18n/I18n';

/** The decision rule of a co-owners' decision (DecisionRules.CoOwners): its quorum is at least 2/3. */
const coOwnersRule = 'co-owners-art278';

/** The case's rules of procedure (议事规则): a template, its decision formula, and the quorum, which a case may change. */
export function RulesForm({ communityId, caseId, templates, rules, onChanged }: {
  communityId: string; caseId: string; templates: RulesTemplate[]; rules: RulesDocument | null; onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const [template, setTemplate] = useState(rules?.template ?? templates[0]?.code ?? '');
  const [quorum, setQuorum] = useState(rules?.quorum ?? templates.find((x) => x.code === template)?.rules.quorum ?? '');
  const [quorumError, setQuorumError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  if (templates.length === 0) return null;
  const chosen = templates.find((x) => x.code === template);
  const name = (x: RulesTemplate) => (lang === 'en' ? x.nameEn : x.nameZh);
  const saved = rules?.template ? templates.find((x) => x.code === rules.template) : undefined;

  const choose = (code: string) => {
    setTemplate(code);
    // A template brings its own quorum; what was typed for the previous one no longer applies.
    setQuorum(templates.find((x) => x.code === code)?.rules.quorum ?? '');
    setQuorumError(null);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const problem = quorumProblem(quorum, chosen?.rules.rule === coOwnersRule);
    setQuorumError(problem ? t(problem) : null);
    if (problem) { setMessage({ kind: 'error', text: t('formHasErrors') }); return; }
    try {
      await request(`/api/communities/${communityId}/cases/${caseId}/rules`, { method: 'PUT', body: { template, quorum: normalizeQuorum(quorum) } });
      setMessage({ kind: 'success', text: t('rulesSaved') });
      onChanged();
    } catch (err) {
      const refused = err instanceof ApiError ? err.problem.errors?.quorum : undefined;
      if (refused) setQuorumError(t('fieldRefused', { detail: refused.join(' ') }));
      setMessage({ kind: 'error', text: refused ? t('formHasErrors') : errorText(err, t('requestFailed')) });
    }
  };
  return (
    <details className="sub-form" data-testid="rules-form">
      <summary>{t('rulesOfProcedure')}{saved ? ` · ${name(saved)} · ${t('quorumFraction', { q: rules?.quorum ?? saved.rules.quorum ?? '' })}` : ''}</summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field id="rules-template" label={t('rulesTemplate')}>
          {(control) => (
            <select {...control} value={template} onChange={(e) => choose(e.target.value)}>
              {templates.map((x) => <option key={x.code} value={x.code}>{name(x)}</option>)}
            </select>
          )}
        </Field>
        {chosen ? (
          <p className="help" data-testid="rules-formula">
            {t('formula')}{t('colon')}{lang === 'en' ? chosen.formulaEn : chosen.formulaZh}
            {!quorumError && !quorumProblem(quorum, false) && normalizeQuorum(quorum) !== chosen.rules.quorum ? ` ${t('quorumChanged', { q: normalizeQuorum(quorum) })}` : ''}
          </p>
        ) : null}
        <Field id="rules-quorum" label={t('quorum')} help={t('quorumHelp', { q: chosen?.rules.quorum ?? '1/2' })} error={quorumError}>
          {(control) => <input {...control} value={quorum} autoComplete="off" maxLength={20}
            onChange={(e) => { setQuorum(e.target.value); if (quorumError) setQuorumError(null); }} />}
        </Field>
        <button type="submit" className="primary">{t('saveRules')}</button>
        {message ? <Message kind={message.kind} testId="rules-message">{message.text}</Message> : null}
      </form>
    </details>
  );
}
