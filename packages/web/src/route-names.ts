import { decodePathName, encodePathName } from '@weir/api';

/**
 * The segment for a console route (`/clusters/:id/groups/:groupId`): the API's path-name encoding
 * (`encodePathName`, so `.` and `..` survive the browser), encoded once more. React Router decodes a
 * segment once and then turns every "%2F" into "/", which would corrupt a name holding a literal
 * "%2F"; the second encoding leaves only escapes for it to decode. Read it back with `nameFromRoute`.
 */
export const routePathName = (name: string): string => encodeURIComponent(encodePathName(name));

/** The name behind a route parameter as `useParams` gives it. */
export function nameFromRoute(param: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(param);
  } catch {
    // Typed by hand with a stray "%": take it as written.
    decoded = param;
  }
  return decodePathName(decoded);
}
