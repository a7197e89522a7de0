/**
 * Who may call what: every API route × every kind of caller, with the answer
 * expected. authorization-matrix.test.ts walks the server's real route list
 * (`apiRoutes`), so a route added without a row here fails the suite, and a
 * row left behind by a removed route fails it too.
 *
 * Callers (columns, in this order):
 *   anonymous    no cookie, no token
 *   viewer       a viewer's session cookie
 *   editor       an editor's session cookie
 *   admin        an admin's session cookie
 *   disabled     the session cookie an admin had before an admin disabled them
 *   revokedToken `Authorization: Bearer` with an admin's write token, revoked
 *   readToken    `Authorization: Bearer` with an admin's live read-only token (acts as a viewer)
 *   writeToken   `Authorization: Bearer` with an admin's live read-write token: the admin's rights,
 *                except on routes declared `sessionOnly` (account and organisation
 *                administration), which answer 403 to any token
 *   shareBearer  a live dashboard share-link token sent as `Authorization: Bearer`
 *   shareCookie  the same share-link token sent as the session cookie
 *   scimToken    `Authorization: Bearer` with a live SCIM token (Settings → Single sign-on): the
 *                identity provider's credential, good on /scim/v2 and nowhere else
 *
 * Answers:
 *   OK    2xx. Reads use real ids; a sign-out uses a session of its own.
 *   PASS  the access check lets the caller through: a probe built to be
 *         refused after that check (an unknown field, no If-Match, ids
 *         nobody has) gets a 4xx other than 401/403, and nothing changes.
 *   401   UNAUTHENTICATED, with nothing changed.
 *   403   FORBIDDEN, with nothing changed.
 *
 * The share-link route is called with the live share token in its path by
 * every caller: the link is public by design, so anyone holding it reads
 * the dashboard, unless they also send a bad Bearer token (which is a 401
 * everywhere, never a fallback to anonymous).
 */
export const ACTORS = [
  'anonymous',
  'viewer',
  'editor',
  'admin',
  'disabled',
  'revokedToken',
  'readToken',
  'writeToken',
  'shareBearer',
  'shareCookie',
  'scimToken',
] as const;
export type MatrixActor = (typeof ACTORS)[number];

/**
 * The only writes a viewer may make, each on purpose: their own notification
 * choices, and comments, because viewers are the leadership
 * audience asking questions. A read-only token may make none of them.
 */
export const VIEWER_WRITES: ReadonlySet<string> = new Set([
  'PUT /api/notifications/preferences',
  'POST /api/notifications/test-digest',
  'POST /api/comments',
  'PATCH /api/comments/:id',
  'DELETE /api/comments/:id',
  'POST /api/auth/password',
]);

export type Expected = 'OK' | 'PASS' | 401 | 403;
export type MatrixRow = Record<MatrixActor, Expected>;

const OK = 'OK';
const PASS = 'PASS';

/** One row, in the column order of ACTORS. */
function row(
  ...cells: [
    Expected,
    Expected,
    Expected,
    Expected,
    Expected,
    Expected,
    Expected,
    Expected,
    Expected,
    Expected,
    Expected,
  ]
): MatrixRow {
  return Object.fromEntries(ACTORS.map((actor, i) => [actor, cells[i]])) as MatrixRow;
}

// prettier-ignore
export const AUTHORIZATION_MATRIX: Record<string, MatrixRow> = {
  //                                                          anon  viewer editor admin disabled revoked readTok writeTok shareB shareC scimTok
  // Sign-in is public; a Bearer token that does not resolve is refused before any route.
  'POST /api/auth/login':                                 row(PASS, PASS, PASS, PASS, PASS,    401,   PASS,   PASS,   401,   PASS, 401),
  'POST /api/auth/logout':                                row(OK,   OK,   OK,   OK,   OK,      401,   OK,     OK,     401,   OK, 401),
  // Changing one's own password: any signed-in user, from a session only (the current password is asked).
  'POST /api/auth/password':                              row(401,  PASS, PASS, PASS, 401,     401,   403,    403,    401,   401, 401),
  'GET /api/auth/me':                                     row(401,  OK,   OK,   OK,   401,     401,   OK,     OK,     401,   401, 401),
  // Tokens are managed by editors and admins, from a signed-in session only; a read token is a viewer.
  'GET /api/api-tokens':                                  row(401,  403,  OK,   OK,   401,     401,   403,    403,    401,   401, 401),
  'POST /api/api-tokens':                                 row(401,  403,  PASS, PASS, 401,     401,   403,    403,    401,   401, 401),
  'DELETE /api/api-tokens/:id':                           row(401,  403,  PASS, PASS, 401,     401,   403,    403,    401,   401, 401),
  // Users: the admin's, from a signed-in session (no token manages accounts, roles or passwords).
  'GET /api/members':                                     row(401,  OK,   OK,   OK,   401,     401,   OK,     OK,     401,   401, 401),
  'GET /api/users':                                       row(401,  403,  403,  OK,   401,     401,   403,    403,    401,   401, 401),
  'POST /api/users':                                      row(401,  403,  403,  PASS, 401,     401,   403,    403,    401,   401, 401),
  'GET /api/users/:id':                                   row(401,  403,  403,  OK,   401,     401,   403,    403,    401,   401, 401),
  'PATCH /api/users/:id':                                 row(401,  403,  403,  PASS, 401,     401,   403,    403,    401,   401, 401),
  'DELETE /api/users/:id':                                row(401,  403,  403,  PASS, 401,     401,   403,    403,    401,   401, 401),
  // Teams: everyone reads, the admin writes.
  'GET /api/teams':                                       row(401,  OK,   OK,   OK,   401,     401,   OK,     OK,     401,   401, 401),
  'POST /api/teams':                                      row(401,  403,  403,  PASS, 401,     401,   403,    PASS,   401,   401, 401),
  'GET /api/teams/:id':                                   row(401,  OK,   OK,   OK,   401,     401,   OK,     OK,     401,   401, 401),
  'PATCH /api/teams/:id':                                 row(401,  403,  403,  PASS, 401,     401,   403,    PASS,   401,   401, 401),
  'DELETE /api/teams/:id':                                row(401,  403,  403,  PASS, 401,     401,   403,    PASS,   401,   401, 401),
  // Cycles, objectives, key results, check-ins: everyone reads, editors write.
  'GET /api/cycles':                                      row(401,  OK,   OK,   OK,   401,     401,   OK,     OK,     401,   401, 401),
  'POST /api/cycles':                                     row(401,  403,  PASS, PASS, 401,     401,   403,    PASS,   401,   401, 401),
  'GET /api/cycles/:id':                                  row(401,  OK,   OK,   OK,   401,     401,   OK,     OK,     401,   401, 401),
  'PATCH /api/cycles/:id':                                row(401,  403,  PASS, PASS, 401,     401,   403,    PASS,   401,   401, 401),
  'DELETE /api/cycles/:id':                               row(401,  403,  PASS, PASS, 401,     401,   403,    PASS,   401,   401, 401),
  'GET /api/objectives':                                  row(401,  OK,   OK,   OK,   401,     401,   OK,     OK,     401,   401, 401),
  'POST /api/objectives':                                 row(401,  403,  PASS, PASS, 401,     401,   403,    PASS,   401,   401, 401),
  'GET /api/objectives/:id':                              row(401,  OK,   OK,   OK,   401,     401,   OK,     OK,     401,   401, 401),
  'PATCH /api/objectives/:id':                            row(401,  403,  PASS, PASS, 401,     401,   403,    PASS,   401,   401, 401),
  'DELETE /api/objectives/:id':                           row(401,  403,  PASS, PASS, 401,     401,   403,    PASS,   401,   401, 401),
  'GET /api/key-results':                                 row(401,  OK,   OK,   OK,   401,     401,   OK,     OK,     401,   401, 401),
  'POST /api/key-results':                                row(401,  403,  PASS, PASS, 401,     401,   403,    PASS,   401,   401, 401),
  'GET /api/key-results/:id':                             row(401,  OK,   OK,   OK,   401,     401,   OK,     OK,     401,   401, 401),
  'PATCH /api/key-results/:id':                           row(401,  403,  PASS, PASS, 401,     401,   403,    PASS,   401,   401, 401),
  'DELETE /api/key-results/:id':                          row(401,  403,  PASS, PASS, 401,     401,   403,    PASS,   401,   401, 401),
  'GET /api/key-results/:id/check-ins':                   row(401,  OK,   OK,   OK,   401,     401,   OK,     OK,     401,   401, 401),
  'POST /api/key-results/:id/check-ins':                  row(401,  403,  PASS, PASS, 401,     401,   403,    PASS,   401,   401, 401),
  // The backlog: everyone reads, editors write.
  'GET /api/backlog-items':                               row(401,  OK,   OK,   OK,   401,     401,   OK,     OK,     401,   401, 401),
  'POST /api/backlog-items':                              row(401,  403,  PASS, PASS, 401,     401,   403,    PASS,   401,   401, 401),
  'GET /api/backlog-items/:id':                           row(401,  OK,   OK,   OK,   401,     401,   OK,     OK,     401,   401, 401),
  'PATCH /api/backlog-items/:id':                         row(401,  403,  PASS, PASS, 401,     401,   403,    PASS,   401,   401, 401),
  'DELETE /api/backlog-items/:id':                        row(401,  403,  PASS, PASS, 401,     401,   403,    PASS,   401,   401, 401),
  'POST /api/backlog-items/:id/move':                     row(401,  403,  PASS, PASS, 401,     401,   403,    PASS,   401,   401, 401),
  'PUT /api/backlog-items/:id/links/:keyResultId':        row(401,  403,  PASS, PASS, 401,     401,   403,    PASS,   401,   401, 401),
  'DELETE /api/backlog-items/:id/links/:keyResultId':     row(401,  403,  PASS, PASS, 401,     401,   403,    PASS,   401,   401, 401),
  'GET /api/backlog-items/:id/suggested-links':           row(401,  OK,   OK,   OK,   401,     401,   OK,     OK,     401,   401, 401),
  // Comments: every signed-in role reads and writes them, viewers on purpose (VIEWER_WRITES); a read-only token writes none.
  // Changing or deleting one is its author's or an admin's (the service checks, past the access check).
  'GET /api/comments':                                    row(401,  OK,   OK,   OK,   401,     401,   OK,     OK,     401,   401, 401),
  'POST /api/comments':                                   row(401,  PASS, PASS, PASS, 401,     401,   403,    PASS,   401,   401, 401),
  'PATCH /api/comments/:id':                              row(401,  PASS, PASS, PASS, 401,     401,   403,    PASS,   401,   401, 401),
  'DELETE /api/comments/:id':                             row(401,  PASS, PASS, PASS, 401,     401,   403,    PASS,   401,   401, 401),
  'GET /api/audit-events':                                row(401,  OK,   OK,   OK,   401,     401,   OK,     OK,     401,   401, 401),
  // Scoring and lifecycle settings: everyone reads, the admin changes them from a session; grading and closing are editors'.
  'GET /api/settings/scoring':                            row(401,  OK,   OK,   OK,   401,     401,   OK,     OK,     401,   401, 401),
  'PUT /api/settings/scoring':                            row(401,  403,  403,  PASS, 401,     401,   403,    403,    401,   401, 401),
  'GET /api/alignment':                                   row(401,  OK,   OK,   OK,   401,     401,   OK,     OK,     401,   401, 401),
  'PUT /api/key-results/:id/grade':                       row(401,  403,  PASS, PASS, 401,     401,   403,    PASS,   401,   401, 401),
  'POST /api/cycles/:id/close':                           row(401,  403,  PASS, PASS, 401,     401,   403,    PASS,   401,   401, 401),
  'GET /api/settings/lifecycle':                          row(401,  OK,   OK,   OK,   401,     401,   OK,     OK,     401,   401, 401),
  'PUT /api/settings/lifecycle':                          row(401,  403,  403,  PASS, 401,     401,   403,    403,    401,   401, 401),
  // Planner and dashboard.
  'GET /api/planner':                                     row(401,  OK,   OK,   OK,   401,     401,   OK,     OK,     401,   401, 401),
  'POST /api/planner/apply':                              row(401,  403,  PASS, PASS, 401,     401,   403,    PASS,   401,   401, 401),
  'GET /api/dashboard':                                   row(401,  OK,   OK,   OK,   401,     401,   OK,     OK,     401,   401, 401),
  // Share links: editors manage them from a session (a link is a credential); the shared dashboard opens for whoever holds a live link.
  'POST /api/share-links':                                row(401,  403,  PASS, PASS, 401,     401,   403,    403,    401,   401, 401),
  'GET /api/share-links':                                 row(401,  403,  OK,   OK,   401,     401,   403,    403,    401,   401, 401),
  'DELETE /api/share-links/:id':                          row(401,  403,  PASS, PASS, 401,     401,   403,    403,    401,   401, 401),
  'GET /api/shared/:token/dashboard':                     row(OK,   OK,   OK,   OK,   OK,      401,   OK,     OK,     401,   OK, 401),
  // Import, export, backup and restore.
  'POST /api/imports':                                    row(401,  403,  PASS, PASS, 401,     401,   403,    PASS,   401,   401, 401),
  'GET /api/exports/backlog.csv':                         row(401,  OK,   OK,   OK,   401,     401,   OK,     OK,     401,   401, 401),
  'GET /api/exports/okrs.csv':                            row(401,  OK,   OK,   OK,   401,     401,   OK,     OK,     401,   401, 401),
  'GET /api/backup':                                      row(401,  403,  403,  OK,   401,     401,   403,    403,    401,   401, 401),
  // Backup and restore are session-only. Restore reads up to 100 MB only once the caller is known to be an admin's session.
  'POST /api/restore':                                    row(401,  403,  403,  PASS, 401,     401,   403,    403,    401,   401, 401),
  // Outgoing webhooks carry every event to another system and hold a signing secret: the admin's, from a session.
  'GET /api/webhooks':                                    row(401,  403,  403,  OK,   401,     401,   403,    403,    401,   401, 401),
  'POST /api/webhooks':                                   row(401,  403,  403,  PASS, 401,     401,   403,    403,    401,   401, 401),
  'PATCH /api/webhooks/:id':                              row(401,  403,  403,  PASS, 401,     401,   403,    403,    401,   401, 401),
  'DELETE /api/webhooks/:id':                             row(401,  403,  403,  PASS, 401,     401,   403,    403,    401,   401, 401),
  'GET /api/webhooks/:id/deliveries':                     row(401,  403,  403,  OK,   401,     401,   403,    403,    401,   401, 401),
  // Notifications. Everyone signed in reads and sets their own choices (viewers too: VIEWER_WRITES);
  // a read-only token reads them and changes nothing.
  'GET /api/notifications/preferences':                   row(401,  OK,   OK,   OK,   401,     401,   OK,     OK,     401,   401, 401),
  'PUT /api/notifications/preferences':                   row(401,  PASS, PASS, PASS, 401,     401,   403,    PASS,   401,   401, 401),
  // "Send me a test digest now": to the caller only (the matrix server has no SMTP_URL: 409 past the check).
  'POST /api/notifications/test-digest':                  row(401,  PASS, PASS, PASS, 401,     401,   403,    PASS,   401,   401, 401),
  // The e-mail's one-click unsubscribe needs no sign-in: its signed token is the authority (400 without one).
  'GET /api/notifications/unsubscribe':                   row(PASS, PASS, PASS, PASS, PASS,    401,   PASS,   PASS,   401,   PASS, 401),
  'POST /api/notifications/unsubscribe':                  row(PASS, PASS, PASS, PASS, PASS,    401,   PASS,   PASS,   401,   PASS, 401),
  // Slack and Teams channels: their URLs are credentials, so the admin's alone, from a session.
  'GET /api/chat-channels':                               row(401,  403,  403,  OK,   401,     401,   403,    403,    401,   401, 401),
  'POST /api/chat-channels':                              row(401,  403,  403,  PASS, 401,     401,   403,    403,    401,   401, 401),
  'PATCH /api/chat-channels/:id':                         row(401,  403,  403,  PASS, 401,     401,   403,    403,    401,   401, 401),
  'DELETE /api/chat-channels/:id':                        row(401,  403,  403,  PASS, 401,     401,   403,    403,    401,   401, 401),
  'POST /api/chat-channels/:id/test':                     row(401,  403,  403,  PASS, 401,     401,   403,    403,    401,   401, 401),
  // What Keyline sends, to whom, and retrying dead messages: the admin's, from a session.
  'GET /api/settings/notifications':                      row(401,  403,  403,  OK,   401,     401,   403,    403,    401,   401, 401),
  'PUT /api/settings/notifications':                      row(401,  403,  403,  PASS, 401,     401,   403,    403,    401,   401, 401),
  'GET /api/notifications/overview':                      row(401,  403,  403,  OK,   401,     401,   403,    403,    401,   401, 401),
  'GET /api/notifications/deliveries':                    row(401,  403,  403,  OK,   401,     401,   403,    403,    401,   401, 401),
  'POST /api/notifications/deliveries/:id/retry':         row(401,  403,  403,  PASS, 401,     401,   403,    403,    401,   401, 401),
  // Single sign-on. The matrix server has no provider set up: start and callback answer 404 past the check.
  'GET /api/auth/sign-in-options':                        row(OK,   OK,   OK,   OK,   OK,      401,   OK,     OK,     401,   OK, 401),
  'GET /api/auth/oidc/start':                             row(PASS, PASS, PASS, PASS, PASS,    401,   PASS,   PASS,   401,   PASS, 401),
  'GET /api/auth/oidc/callback':                          row(PASS, PASS, PASS, PASS, PASS,    401,   PASS,   PASS,   401,   PASS, 401),
  'POST /api/auth/oidc/logout':                           row(OK,   OK,   OK,   OK,   OK,      401,   OK,     OK,     401,   OK, 401),
  'GET /api/sso/settings':                                row(401,  403,  403,  OK,   401,     401,   403,    403,    401,   401, 401),
  // SCIM tokens: generated, listed and revoked by admins in a session.
  'GET /api/sso/scim-tokens':                             row(401,  403,  403,  OK,   401,     401,   403,    403,    401,   401,   401),
  'POST /api/sso/scim-tokens':                            row(401,  403,  403,  PASS, 401,     401,   403,    403,    401,   401,   401),
  'DELETE /api/sso/scim-tokens/:id':                      row(401,  403,  403,  PASS, 401,     401,   403,    403,    401,   401,   401),
  // SCIM 2.0: the SCIM token only; sessions and API tokens are not read there. Answers are SCIM errors.
  'GET /scim/v2/ServiceProviderConfig':                   row(401,  401,  401,  401,  401,     401,   401,    401,    401,   401,   OK),
  'GET /scim/v2/ResourceTypes':                           row(401,  401,  401,  401,  401,     401,   401,    401,    401,   401,   OK),
  'GET /scim/v2/Schemas':                                 row(401,  401,  401,  401,  401,     401,   401,    401,    401,   401,   OK),
  'GET /scim/v2/Users':                                   row(401,  401,  401,  401,  401,     401,   401,    401,    401,   401,   OK),
  'POST /scim/v2/Users':                                  row(401,  401,  401,  401,  401,     401,   401,    401,    401,   401,   PASS),
  'GET /scim/v2/Users/:id':                               row(401,  401,  401,  401,  401,     401,   401,    401,    401,   401,   PASS),
  'PUT /scim/v2/Users/:id':                               row(401,  401,  401,  401,  401,     401,   401,    401,    401,   401,   PASS),
  'PATCH /scim/v2/Users/:id':                             row(401,  401,  401,  401,  401,     401,   401,    401,    401,   401,   PASS),
  'DELETE /scim/v2/Users/:id':                            row(401,  401,  401,  401,  401,     401,   401,    401,    401,   401,   PASS),
  'GET /scim/v2/Groups':                                  row(401,  401,  401,  401,  401,     401,   401,    401,    401,   401,   OK),
  'POST /scim/v2/Groups':                                 row(401,  401,  401,  401,  401,     401,   401,    401,    401,   401,   PASS),
  'GET /scim/v2/Groups/:id':                              row(401,  401,  401,  401,  401,     401,   401,    401,    401,   401,   PASS),
  'PUT /scim/v2/Groups/:id':                              row(401,  401,  401,  401,  401,     401,   401,    401,    401,   401,   PASS),
  'PATCH /scim/v2/Groups/:id':                            row(401,  401,  401,  401,  401,     401,   401,    401,    401,   401,   PASS),
  'DELETE /scim/v2/Groups/:id':                           row(401,  401,  401,  401,  401,     401,   401,    401,    401,   401,   PASS),
  // Outcomes: read by every signed-in role; the window and noise threshold are the admin's, from a session.
  'GET /api/outcomes':                                    row(401,  OK,   OK,   OK,   401,     401,   OK,     OK,     401,   401,   401),
  'GET /api/exports/outcomes.csv':                        row(401,  OK,   OK,   OK,   401,     401,   OK,     OK,     401,   401,   401),
  'GET /api/settings/outcomes':                           row(401,  OK,   OK,   OK,   401,     401,   OK,     OK,     401,   401,   401),
  'PUT /api/settings/outcomes':                           row(401,  403,  403,  PASS, 401,     401,   403,    403,    401,   401,   401),
  // Tracker connections (they hold tokens and reach the company network): the admin's alone, from a session (API tokens get 403).
  'GET /api/integrations':                                row(401,  403,  403,  OK,   401,     401,   403,    403,    401,   401,   401),
  'POST /api/integrations':                               row(401,  403,  403,  PASS, 401,     401,   403,    403,    401,   401,   401),
  'GET /api/integrations/:id':                            row(401,  403,  403,  PASS, 401,     401,   403,    403,    401,   401,   401),
  'PATCH /api/integrations/:id':                          row(401,  403,  403,  PASS, 401,     401,   403,    403,    401,   401,   401),
  'DELETE /api/integrations/:id':                         row(401,  403,  403,  PASS, 401,     401,   403,    403,    401,   401,   401),
  'POST /api/integrations/:id/test':                      row(401,  403,  403,  PASS, 401,     401,   403,    403,    401,   401,   401),
  'POST /api/integrations/:id/sync':                      row(401,  403,  403,  PASS, 401,     401,   403,    403,    401,   401,   401),
  'GET /api/integrations/:id/runs':                       row(401,  403,  403,  PASS, 401,     401,   403,    403,    401,   401,   401),
  // Webhook receivers are public: a delivery counts only when signed with the connection's secret (401 otherwise).
  // A connection that does not exist is a 404 before anything else, the body unread, whatever credential comes along.
  'POST /api/hooks/jira/:connectionId':                   row(PASS, PASS, PASS, PASS, PASS,    PASS,  PASS,   PASS,   PASS,  PASS,   PASS),
  'POST /api/hooks/github/:connectionId':                 row(PASS, PASS, PASS, PASS, PASS,    PASS,  PASS,   PASS,   PASS,  PASS,   PASS),
};
