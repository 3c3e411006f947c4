/** The name of the cookie that carries a console session (set by `POST /auth/login`). */
export const SESSION_COOKIE = 'weir_session';
