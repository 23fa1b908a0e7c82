import { Link } from '../../components/Link';
import { useI18n } from '../../i18n/I18n';
import type { StringKey } from '../../i18n/zh-CN';
import { queryParam } from '../../router';
import { useSession } from '../../session';
import { AccountsSection } from './AccountsSection';
import { CatalogueSection } from './CatalogueSection';
import { CommunitiesSection } from './CommunitiesSection';
import { CommunitySettings } from './CommunitySettings';
import { HierarchySection } from './HierarchySection';
import { NeedsSection } from './NeedsSection';
import { OrganisationsSection } from './OrganisationsSection';
import { RosterSection } from './RosterSection';

/** The parts of 社区管理, each at its own address; accounts and communities are for administrators. */
const sections: { path: string; label: StringKey; administrators?: boolean }[] = [
  { path: '/admin', label: 'adminHierarchy' },
  { path: '/admin/roster', label: 'adminRoster' },
  { path: '/admin/settings', label: 'adminSettings' },
  { path: '/admin/organisations', label: 'adminOrganisations' },
  { path: '/admin/needs', label: 'adminNeeds' },
  { path: '/admin/catalogue', label: 'adminCatalogue' },
  { path: '/admin/accounts', label: 'adminAccounts', administrators: true },
  { path: '/admin/communities', label: 'adminCommunities', administrators: true },
];

/**
 * 社区管理: what a community needs before it can deliberate — its precincts and buildings, its roster, where
 * escalations go, which kinds of party sit on its panels, its directory of organisations and its matters catalogue — and, for administrators, the communities and accounts.
 */
export function AdminPage({ path }: { path: string }) {
  const { t } = useI18n();
  const { community, isAdministrator } = useSession();
  const visible = sections.filter((s) => !s.administrators || isAdministrator);
  // Without a community yet (a new administrator), creating one is the only thing to do.
  const current = !community ? '/admin/communities' : visible.find((s) => s.path === path.split('?')[0])?.path ?? '/admin';
  return (
    <>
      <h1>{t('adminTitle')}{community ? <span className="muted">{t('colon')}{community.name}</span> : null}</h1>
      <nav aria-label={t('adminTitle')}>
        <ul className="tabs">
          {visible.filter((s) => community || s.path === '/admin/communities').map((s) => (
            <li key={s.path}><Link to={s.path} ariaCurrent={s.path === current}>{t(s.label)}</Link></li>
          ))}
        </ul>
      </nav>
      {current === '/admin/communities' ? <CommunitiesSection />
        : !community ? null
        : current === '/admin/roster' ? <RosterSection communityId={community.id} />
        : current === '/admin/settings' ? <CommunitySettings communityId={community.id} />
        : current === '/admin/organisations' ? <OrganisationsSection communityId={community.id} />
        : current === '/admin/needs' ? <NeedsSection communityId={community.id} overdueOnly={queryParam(path, 'overdue') === 'true'} />
        : current === '/admin/catalogue' ? <CatalogueSection communityId={community.id} />
        : current === '/admin/accounts' ? <AccountsSection />
        : <HierarchySection communityId={community.id} />}
    </>
  );
}
