import { Link } from './components/Link';
import { useI18n } from './i18n/I18n';
import { DashboardPage } from './pages/DashboardPage';
import { DeliberationPage } from './pages/DeliberationPage';
import { DesignerListPage } from './pages/DesignerListPage';
import { DesignerPage } from './pages/DesignerPage';
import { InstancePage } from './pages/InstancePage';
import { IntakePage } from './pages/IntakePage';
import { LaunchPage } from './pages/LaunchPage';
import { LoginPage } from './pages/LoginPage';
import { match, usePath } from './router';
import { useSession } from './session';

function Page({ path }: { path: string }) {
  const { isStaff } = useSession();
  // Building heads log complaints; everything else is staff work.
  if (!isStaff) return <IntakePage />;
  let params: Record<string, string> | null;
  if ((params = match('/deliberations/:id', path))) return <DeliberationPage key={params.id} instanceId={params.id!} />;
  if ((params = match('/instances/:id', path))) return <InstancePage key={params.id} id={params.id!} />;
  if ((params = match('/designer/:id', path))) return <DesignerPage key={params.id} id={params.id!} />;
  if (match('/designer', path)) return <DesignerListPage />;
  if (match('/launch', path)) return <LaunchPage />;
  if (match('/intake', path)) return <IntakePage />;
  return <DashboardPage />;
}

export function App() {
  const { t, lang, setLang } = useI18n();
  const { me, loading, community, setCommunity, signOut, isStaff } = useSession();
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
    ? [['/', t('navDashboard')], ['/intake', t('navIntake')], ['/launch', t('navLaunch')], ['/designer', t('navDesigner')]]
    : [['/intake', t('navIntake')]];
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
        {community ? <Page path={path} /> : <p>{t('noCommunity')}</p>}
      </main>
    </>
  );
}
