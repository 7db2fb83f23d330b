export type PrincipalKind = 'delegated' | 'application' | 'device';

/** Who is calling, as proven by a verified access token. */
export interface Principal {
  readonly tenantId: string;
  readonly objectId: string;
  readonly appId: string | null;
  readonly kind: PrincipalKind;
  readonly scopes: ReadonlySet<string>;
  readonly roles: ReadonlySet<string>;
  readonly deviceId: string | null;
  readonly user: string | null;
}
