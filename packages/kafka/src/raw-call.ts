import {
  type Admin,
  type Broker,
  type Connection,
  kGetApi,
  kGetBootstrapConnection,
  kGetConnection,
} from '@platformatic/kafka';

/** A request codec: the library's, looked up by name, or one of Weir's own (see leader-election.ts). */
export type AnyApi = { async: (connection: Connection, ...args: unknown[]) => Promise<unknown> };

/**
 * Sends one request the client library has a codec for but no Admin method: the library negotiates
 * the version, we pick the API and its arguments. This is the extension point DESIGN.md names.
 */
export function rawRequest<Response>(
  admin: Admin,
  apiName: string | { custom: AnyApi },
  args: unknown[],
  options: { keepErrorCodes?: boolean; broker?: Broker } = {},
): Promise<Response> {
  const client = admin as unknown as {
    [kGetBootstrapConnection]: (callback: (error: Error | null, connection: Connection) => void) => void;
    [kGetConnection]: (
      broker: Broker,
      callback: (error: Error | null, connection: Connection) => void,
    ) => void;
    [kGetApi]: (name: string, callback: (error: Error | null, api: AnyApi) => void) => void;
  };
  const connect = (callback: (error: Error | null, connection: Connection) => void) =>
    options.broker
      ? client[kGetConnection](options.broker, callback)
      : client[kGetBootstrapConnection](callback);
  return new Promise((resolvePromise, reject) => {
    connect((connectionError, connection) => {
      if (connectionError) return reject(connectionError);
      const withApi = (callback: (error: Error | null, api: AnyApi) => void) =>
        typeof apiName === 'string' ? client[kGetApi](apiName, callback) : callback(null, apiName.custom);
      withApi((apiError, api) => {
        if (apiError) return reject(apiError);
        api.async(connection, ...args).then(
          (response) => resolvePromise(response as Response),
          (error: { code?: string; response?: unknown }) => {
            // The codec rejects any answer holding an error code; some callers report those codes instead
            // (an offline partition must not hide every healthy one).
            if (options.keepErrorCodes && error.code === 'PLT_KFK_RESPONSE' && error.response) {
              resolvePromise(error.response as Response);
            } else {
              reject(error);
            }
          },
        );
      });
    });
  });
}

/** The version of `apiName` the client negotiated with the cluster (requests are shaped by it). */
export function negotiatedVersion(admin: Admin, apiName: string): Promise<number> {
  const client = admin as unknown as {
    [kGetApi]: (name: string, callback: (error: Error | null, api: { version: number }) => void) => void;
  };
  return new Promise((resolvePromise, reject) => {
    client[kGetApi](apiName, (error, api) => (error ? reject(error) : resolvePromise(api.version)));
  });
}
