// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { match, navigate, queryParam, setNavigationGuard } from './router';

afterEach(() => setNavigationGuard(null));

describe('router', () => {
  it('matches patterns and reads parameters', () => {
    expect(match('/designer/:id', '/designer/fanshi-youjiqing?version=2')).toEqual({ id: 'fanshi-youjiqing' });
    expect(match('/designer/:id', '/designer')).toBeNull();
    expect(queryParam('/designer/x?version=2', 'version')).toBe('2');
  });

  it('a guard that refuses keeps the page, for links and for Back', async () => {
    navigate('/designer/x');
    setNavigationGuard(() => false);
    navigate('/');
    expect(window.location.pathname).toBe('/designer/x');
    window.history.pushState(null, '', '/elsewhere');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(window.location.pathname).toBe('/designer/x');
    setNavigationGuard(null);
    navigate('/');
    expect(window.location.pathname).toBe('/');
  });
});
