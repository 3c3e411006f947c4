/**
 * Named permissions. Each API route declares one (or `public` / `authenticated`); later features add
 * their own names here and grant them to roles.
 */
export const PERMISSIONS = [
  'clusters:read',
  'clusters:write',
  'audit:read',
  'users:manage',
  'topics:write',
  'configs:write',
  'groups:write',
  'replicas:write',
  'messages:read',
  'messages:produce',
  'schemas:write',
  'plugins:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What a route requires: no login, any logged-in user, or a named permission. */
export type RouteAccess = 'public' | 'authenticated' | Permission;

export const ROLES = ['admin', 'operator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

const grants: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  operator: [
    'clusters:read',
    'clusters:write',
    'audit:read',
    'topics:write',
    'configs:write',
    'groups:write',
    'replicas:write',
    'messages:read',
    'messages:produce',
    'schemas:write',
  ],
  viewer: ['clusters:read'],
};

export function roleHasPermission(role: string, permission: Permission): boolean {
  return (grants as Record<string, readonly Permission[] | undefined>)[role]?.includes(permission) ?? false;
}
