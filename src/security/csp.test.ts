import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';
import { ssbBuildSettings } from '../ssb/apiBase';

const connect = (csp: string) => csp.split('; ').find((d) => d.startsWith('connect-src'));

describe('Content-Security-Policy of the build', () => {
  it('allows connections to the page and SSB only, by default', () => {
    const csp = contentSecurityPolicy(ssbBuildSettings({}).api);
    expect(connect(csp)).toBe("connect-src 'self' https://data.ssb.no");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/\*/);
  });

  it('an offline build (VITE_SSB_FETCH=off) allows only the page itself', () => {
    const s = ssbBuildSettings({ VITE_SSB_FETCH: 'off', VITE_SSB_API: 'https://data.ssb.no/api/pxwebapi/v2' });
    expect(s.api).toBeNull();
    expect(connect(contentSecurityPolicy(s.api))).toBe("connect-src 'self'");
  });

  it('VITE_SSB_API moves the one allowed API origin (tests point it at the stand-in)', () => {
    const s = ssbBuildSettings({ VITE_SSB_API: 'http://127.0.0.1:4360/api/pxwebapi/v2/' });
    expect(s.api).toBe('http://127.0.0.1:4360/api/pxwebapi/v2');
    expect(connect(contentSecurityPolicy(s.api))).toBe("connect-src 'self' http://127.0.0.1:4360");
    expect(() => ssbBuildSettings({ VITE_SSB_API: 'javascript:alert(1)' })).toThrow();
  });
});
