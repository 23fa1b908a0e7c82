import { useState } from 'react';
import { ApiError } from '../api/client';
import type { WorkflowInput } from '../api/types';
import { useI18n } from '../i18n/I18n';
import { buildInput, initialText, validateField } from './workflowInputs';

/**
 * The state of a launch form's workflow inputs: the fields' texts and their errors. A field shown wrong is checked again
 * as it changes, so that its error goes as soon as it is right; <c>build</c> checks every field and gives the input.
 */
export function useWorkflowInputForm() {
  const { t } = useI18n();
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  return {
    texts, errors, setErrors,
    /** Forgets what was typed (another workflow was chosen). */
    reset: () => { setTexts({}); setErrors({}); },
    /** A field changed. */
    setText: (input: WorkflowInput | undefined, text: string) => {
      if (!input) return;
      setTexts((current) => ({ ...current, [input.name]: text }));
      if (errors[input.name]) {
        const problem = validateField(input, text);
        setErrors((current) => {
          const { [input.name]: _, ...rest } = current;
          return problem ? { ...rest, [input.name]: t(problem) } : rest;
        });
      }
    },
    /** Checks every field: the input to send, or null when a field is wrong (its error then shows). */
    build: (inputs: WorkflowInput[], filled?: Set<string>, extra: Record<string, string> = {}) => {
      const built = buildInput(inputs, texts, filled);
      const local: Record<string, string> = { ...extra };
      for (const [k, v] of Object.entries(built.errors)) local[k] = t(v);
      setErrors(local);
      return Object.keys(local).length > 0 ? null : built.input;
    },
    /** Shows a refused start's field problems at their fields (the server names them input.x or x). */
    showRefusal: (err: unknown) => {
      const server: Record<string, string> = {};
      if (err instanceof ApiError) {
        for (const [k, v] of Object.entries(err.problem.errors ?? {})) server[k.replace(/^input\./, '')] = v.join(' ');
      }
      setErrors(server);
    },
    /** The text a field shows. */
    textOf: (input: WorkflowInput) => texts[input.name] ?? initialText(input),
  };
}
