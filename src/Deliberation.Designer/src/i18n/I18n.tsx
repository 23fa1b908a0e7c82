import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { setApiLanguage } from '../api/client';
import { en } from './en';
import { zhCN, type StringKey } from './zh-CN';
import type { Localized } from '../api/types';

export type Language = 'zh-CN' | 'en';

/** Fills {name} placeholders. */
export function format(template: string, values?: Record<string, string | number>): string {
  return values ? template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m)) : template;
}

/** The string of a key in a language. */
export function translate(lang: Language, key: StringKey, values?: Record<string, string | number>): string {
  return format(lang === 'en' ? en[key] : zhCN[key], values);
}

/** Picks the text of a localized value, falling back to the other language. */
export function pick(lang: Language, text: Localized | null | undefined): string {
  if (!text) return '';
  return (lang === 'en' ? text.en ?? text['zh-CN'] : text['zh-CN'] ?? text.en) ?? '';
}

interface I18nValue {
  lang: Language;
  setLang: (lang: Language) => void;
  t: (key: StringKey, values?: Record<string, string | number>) => string;
  pick: (text: Localized | null | undefined) => string;
}

const I18nContext = createContext<I18nValue | null>(null);
const storageKey = 'deliberation.lang';

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(() => (localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh-CN'));
  setApiLanguage(lang);
  document.documentElement.lang = lang;
  document.title = translate(lang, 'appName');
  const setLang = useCallback((next: Language) => {
    localStorage.setItem(storageKey, next);
    setApiLanguage(next);
    setLangState(next);
  }, []);
  const value = useMemo<I18nValue>(() => ({
    lang,
    setLang,
    t: (key, values) => translate(lang, key, values),
    pick: (text) => pick(lang, text),
  }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
