import { Link } from './components/Link';
import { useI18n } from './i18n/I18n';
import { LoginPage } from './pages/LoginPage';
import { AdminPage } from './pages/admin/AdminPage';
import { usePath } from './router';
import { Routes } from './Routes';
import { useSession } from './session';

/** The shell: header with navigation, community, language and sign-out; the sign-in page until signed in. */
export function App() {
  const { t, lang, setLang } = useI18n();
  const { me, loading, community, setCommunity, signOut, isStaff, isAdministrator } = useSession();
  const path = usePath();

  const languageButton = (
    <button type="button" className="link-button" onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')} lang={lang === 'en' ? 'zh-CN' : 'en'}
      aria-label={`${t('language')}: ${t('switchLanguage')}`} data-testid="language">
      {t('switchLanguage')}
    </button>
  );

  if (loading) return <p className="loading">{t('loading')}</p>;
  if (!me) {
    return (
      <>
        <header className="topbar"><span className="brand">{t('appName')}</span><span className="spacer" />{languageButton}</header>
        <main id="main"><LoginPage /></main>
      </>
    );
  }

  const nav: [string, string][] = isStaff
    ? [['/', t('navDashboard')], ['/cases', t('navCases')], ['/public-notices', t('navNotices')], ['/intake', t('navIntake')], ['/proxy', t('navProxy')], ['/launch', t('navLaunch')], ['/start', t('navStart')], ['/designer', t('navDesigner')], ['/admin', t('navAdmin')],
      ...(isAdministrator ? [['/operations', t('navOperations')] as [string, string]] : [])]
    : [['/intake', t('navIntake')], ['/proxy', t('navProxy')]];
  const isCurrent = (to: string) => (to === '/' ? path === '/' : path.startsWith(to));

  return (
    <>
      <a href="#main" className="skip-link">{t('skipToContent')}</a>
      <header className="topbar">
        <span className="brand">{t('appName')}</span>
        <nav aria-label={t('appName')}>
          <ul className="nav">
            {nav.map(([to, label]) => <li key={to}><Link to={to} ariaCurrent={isCurrent(to)}>{label}</Link></li>)}
          </ul>
        </nav>
        <span className="spacer" />
        {me.communities.length > 0 ? (
          <>
            <label htmlFor="community" className="sr-only">{t('community')}</label>
            <select id="community" value={community?.id ?? ''} onChange={(e) => setCommunity(e.target.value)}>
              {me.communities.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </>
        ) : null}
        <span className="who">{me.displayName || me.email}</span>
        {languageButton}
        <button type="button" className="link-button" onClick={() => void signOut()}>{t('signOut')}</button>
      </header>
      <main id="main" tabIndex={-1}>
        {community ? <Routes path={path} />
          // A new administrator has no community yet: creating one is where everything starts.
          : isAdministrator ? <AdminPage path="/admin/communities" /> : <p>{t('noCommunity')}</p>}
      </main>
    </>
  );
}
