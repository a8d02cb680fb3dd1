/**
 * Every `extensions.code` a client can receive, with its HTTP status, what it means and what the
 * client should do. `docs/errors.md` is rendered from it by `./dev.sh schema:generate`; a test
 * checks it both ways against the codes the source gives to its error classes
 * (`error-codes.scan.ts`), so a new code cannot ship undocumented and a removed one cannot linger.
 */
export interface ErrorCodeEntry {
  /** HTTP status of the answer: `200` = a field error beside the rest of the data. */
  status: string;
  meaning: string;
  action: string;
  /** Assigned by GraphQL, Apollo or a shared constant, not as a literal the scan can find. */
  external?: true;
}

const FIX = 'Correct the input named in `extensions.field` and send again; nothing was changed.';
const STATE = 'Reload the record, check its current state and decide again; nothing was changed.';
const REQUEST = '400 ¹';
const entry = (status: string, meaning: string, action = FIX): ErrorCodeEntry => ({
  status,
  meaning,
  action,
});
const input = (meaning: string) => entry('200', meaning);
const state = (meaning: string) => entry('200', meaning, STATE);

export const ERROR_CATALOGUE: Record<string, ErrorCodeEntry> = {
  // The request itself
  GRAPHQL_PARSE_FAILED: {
    ...entry(REQUEST, 'The query text is not valid GraphQL syntax.', 'Fix the query; it never ran.'),
    external: true,
  },
  GRAPHQL_VALIDATION_FAILED: entry(
    REQUEST,
    'The query asks for a field or argument that does not exist, gives a literal of the wrong type, or is otherwise invalid against the schema (also introspection in production).',
    'Fix the query against `schema/api.graphql`; it never ran.',
  ),
  BAD_USER_INPUT: entry(
    REQUEST,
    "A variable's value does not fit its declared type (text for an `Int`, `2026-02-31` for a `LocalDate`, null for a non-null).",
    'Fix the variable; the query never ran.',
  ),
  BAD_REQUEST: entry(
    '400',
    'The HTTP request is not a GraphQL request: broken JSON, `query` missing or not a string, a batch (an array).',
    'Send one JSON object `{ query, variables?, operationName? }`.',
  ),
  METHOD_NOT_ALLOWED: entry(
    '405',
    'A GET request: the graph answers POST only (a GET could be sent cross-site by any page a signed-in user opens).',
    'Send the same request with POST and a JSON body.',
  ),
  UNSUPPORTED_MEDIA_TYPE: entry(
    '415',
    'The body is not `application/json`.',
    'Send `Content-Type: application/json`.',
  ),
  REQUEST_TOO_LARGE: entry(
    '413',
    'The body is larger than `MAX_BODY_BYTES` (6 000 000 by default; `extensions.limit`).',
    'Send less per request (smaller files, fewer operations).',
  ),
  QUERY_TOO_DEEP: entry(
    REQUEST,
    'Selections nest deeper than `QUERY_MAX_DEPTH` (12 by default; `extensions.limit`).',
    'Ask for less nesting, or fetch the inner part with a second query.',
  ),
  QUERY_TOO_COSTLY: entry(
    REQUEST,
    "The query's estimated cost is above `QUERY_MAX_COST` (20 000 by default; `extensions.limit`).",
    'Ask for fewer fields or smaller pages.',
  ),
  QUERY_TOO_MANY_ALIASES: entry(
    REQUEST,
    'More aliases than `QUERY_MAX_ALIASES` (30 by default; `extensions.limit`).',
    'Use variables and several requests instead of many aliases.',
  ),
  QUERY_TOO_MANY_TOKENS: entry(
    REQUEST,
    'The document has more lexical tokens than `QUERY_MAX_TOKENS` (5 000 by default; `extensions.limit`).',
    'Send a shorter document.',
  ),
  QUERY_TOO_MANY_DIRECTIVES: entry(
    REQUEST,
    'More than 20 directives in one query (`extensions.limit`).',
    'Use fewer `@include`/`@skip`.',
  ),
  RATE_LIMITED: entry(
    '429',
    'More than `RATE_LIMIT_PER_MINUTE` requests (600 by default) from these credentials in the current minute; the `RateLimit` and `RateLimit-Policy` headers say how many are left and when the window resets.',
    'Wait for the reset the `RateLimit` header gives (`t=` seconds), then continue.',
  ),
  PERSISTED_QUERY_NOT_FOUND: {
    ...entry(
      '200',
      'An automatic persisted query (a hash without the text) the server does not hold.',
      'Send the same request again with the full `query` text.',
    ),
    external: true,
  },
  OPERATION_RESOLUTION_FAILURE: entry(
    REQUEST,
    '`operationName` names no operation of the document, or it is missing while the document has several.',
    'Send the name of the operation to run.',
  ),
  IDEMPOTENCY_KEY_INVALID: entry(
    '400',
    'The `Idempotency-Key` header is not 1–255 printable ASCII characters without spaces.',
    'Send a valid key (a UUID).',
  ),
  IDEMPOTENCY_KEY_REUSED: entry(
    '422',
    'The `Idempotency-Key` was already used by these credentials for a different request. Nothing ran.',
    'Use a new key for a new action.',
  ),
  IDEMPOTENCY_IN_PROGRESS: entry(
    '409',
    'A request with this `Idempotency-Key` is still running (it holds the key by a lease of a few seconds that it renews; a request whose gateway or database failed frees it within that time).',
    'Retry after the `Retry-After` header’s seconds with the same key and request to get its answer.',
  ),

  // Credentials and access
  UNAUTHENTICATED: entry(
    '401',
    'No `Authorization: Bearer …` header on a request that needs one, or a token that is unknown, expired, revoked or ended by sign-out (also on `/reports` and `/audit/export`).',
    'Sign in again (`signIn`) or get a new API client secret, then resend.',
  ),
  INVALID_CREDENTIALS: entry(
    '200',
    'Wrong login or password at `signIn`.',
    'Ask the user to type them again.',
  ),
  ACCOUNT_LOCKED: entry(
    '200',
    'Too many failed sign-ins: the account is locked for `LOGIN_LOCKOUT_MINUTES`.',
    'Wait, or ask an administrator to unlock it.',
  ),
  PASSWORD_CHANGE_REQUIRED: entry(
    '403',
    "The account's password was reset by an administrator: until `changePassword` succeeds, the session may only run `changePassword`, `me` and `signOut` (also on `/audit/export`).",
    'Ask the user for the temporary password and a new one, send `changePassword`, then resend.',
  ),
  FORBIDDEN: entry(
    '200 (403 on `/reports`, `/audit/export`)',
    'The role may not read this field or run this mutation (see `docs/access.md`). On a list, only that field of that row is null.',
    'Do not retry; select only what your role may read, or ask for the role.',
  ),
  OPERATION_NOT_ALLOWED: entry(
    '403',
    'An API client restricted to trusted documents sent a document that is not registered for it.',
    'Send the registered text byte for byte, or have the administrator register it.',
  ),
  OUT_OF_SCOPE: entry(
    '200',
    "The person is not served by your provider (provider staff), or you are not the ministry that answers this request. Only that person's field is null.",
    'Do not retry; with a real need, `breakGlass(recipientId, reason)`.',
  ),
  NOT_CASE_COORDINATOR: entry(
    '200',
    "Health details (and medical documents of the case) are readable only by the coordinator running the person's case. Only that person's field is null.",
    'Ask for the case to be assigned (`assignCaseCoordinator`) or `breakGlass` with a reason.',
  ),
  CONSENT_WITHDRAWN: entry(
    '200',
    "The person withdrew the consent that let the authorised body share their social record with your ministry. On a read only that person's fields are null; the page and its cursor arrive. On a ministry's write about the person (`extensions.field = recipientId`) nothing was written.",
    'Skip the person (or list with `sharedWith: ME`); delete what the consent no longer covers; write only in answer to the authorised body’s request.',
  ),
  CONSENT_MISSING: entry(
    '200',
    "The person never gave consent to share their social record with your ministry. On a read only that person's fields are null; on a ministry's write about the person (`extensions.field = recipientId`) nothing was written.",
    'Skip the person (or list with `sharedWith: ME`); for a write, ask the authorised body to record the consent first.',
  ),
  BREAK_GLASS_USERS_ONLY: entry('200', 'Break-the-glass is for people, not API clients.', 'Do not retry.'),
  CANNOT_DISABLE_SELF: input('An administrator tried to disable their own account.'),
  CANNOT_RESET_SELF: input(
    'An administrator tried to reset their own password; they change it with `changePassword`.',
  ),
  PASSWORD_TOO_WEAK: input(
    "The password policy refused the password: blank, one repeated character or group, a keyboard row or sequence, a common password, or the login or name; `extensions.reason` names which (zxcvbn's warning).",
  ),
  WRONG_CURRENT_PASSWORD: input(
    'At `changePassword`, the current password is wrong. It counts towards the sign-in lockout.',
  ),
  PASSWORD_UNCHANGED: input('At `changePassword`, the new password is the current one.'),
  LOGIN_TAKEN: input('The login is already used by another account.'),
  PROTOCOL_NUMBER_TAKEN: input('The region’s Council already has a meeting protocol of that number.'),
  DECISION_NUMBER_TAKEN: input('The meeting already has a decision of that number.'),
  CLIENT_NAME_TAKEN: input('An API client of that name exists.'),
  AGENCY_EXISTS: input(
    'The region’s directory already has an agency of that name (`createAgency`, `updateAgency`).',
  ),
  AGENCY_ABBREVIATION_TAKEN: input(
    'A short name or spelling that already means another agency of the region’s directory.',
  ),
  PROVIDER_REQUIRED: input('Provider staff accounts must name their provider.'),
  AUDIT_UNAVAILABLE: entry(
    '200',
    'The audit log could not be written, so nothing was served (reads) or done (changes).',
    'Retry later; report it with your `X-Request-Id` if it persists.',
  ),

  NOT_A_COORDINATOR: input(
    'A case can be handed only to an active coordinator account (`assignCaseCoordinator`).',
  ),
  NOT_OWN_PROVIDER: entry(
    '200',
    'Provider staff write only for their own provider (a plan, staff member or visit of another provider).',
    'Ask the coordinator or the other provider; do not retry.',
  ),
  ROLE_COMBINATION_FORBIDDEN: input(
    'Administrator, auditor and provider staff do not combine with another role (`createAccount`, `updateAccount`, `createApiClient`).',
  ),
  CANNOT_DEMOTE_SELF: input('An administrator cannot take the administrator role from their own account.'),
  BREAK_GLASS_REASON_INVALID: input('The break-the-glass reason is blank or not meaningful text.'),
  NAME_SEARCH_INVALID: input('A name search needs 2 to 100 characters.'),
  // Server side
  INTERNAL_SERVER_ERROR: entry(
    '200 (500 before the query runs)',
    'A fault on the server; the message is generic and carries no internals.',
    'Retry later; report it with your `X-Request-Id` if it persists.',
  ),
  DATABASE_UNAVAILABLE: {
    ...entry(
      '200 (503 before the query runs)',
      'The database is down or restarting. Nothing about the request was wrong.',
      'Retry after a pause, with the same `Idempotency-Key` for a mutation.',
    ),
    external: true,
  },
  SUBGRAPH_UNAVAILABLE: entry(
    '200',
    "One ministry's part of the graph cannot be reached (`extensions.service`); its fields are null, the rest is there.",
    'Retry later for those fields.',
  ),

  // Lists and lookups
  NOT_FOUND: entry('200', 'No object with this id (`extensions.id`).', 'Check the id; do not retry.'),
  BAD_CURSOR: entry(
    '200',
    '`after`/`before` is not a cursor the server issued for this sort order.',
    'Start the walk again from the first page.',
  ),
  PAGE_SIZE_INVALID: input('`first`/`last` below 0 or above 200.'),
  PAGE_FIRST_AND_LAST: input(
    '`first` and `last` in one request: a page is taken from one end of the range, either the start or the end.',
  ),
  VALIDATION_FAILED: entry(
    '200',
    'An input value breaks a rule (length, format, range); `extensions.fields` lists every problem.',
    'Show each message beside its field, fix and resend; nothing was changed.',
  ),
  DATE_INVALID: input('A date parameter of a download is not `YYYY-MM-DD`.'),
  YEAR_INVALID: input(
    'The reporting `year` of `/reports/annual-report` is not four digits or is still to come.',
  ),
  DATE_RANGE_INVALID: input('`from` after `to` on the audit export.'),
  FORMAT_INVALID: input('The audit export `format` is neither `csv` nor `xlsx`.'),
  RECIPIENT_ID_INVALID: input('The audit export `recipientId` is not an id.'),
  ID_INVALID: entry(
    '400',
    'An evidence file id under `/evidence/` is not an id.',
    'Use the id the graph gave.',
  ),
  REPORT_NOT_FOUND: entry(
    '404',
    'No report of that name under `/reports/`.',
    'Use a documented report path.',
  ),
  PERIOD_INVALID: input('A period whose start is after its end.'),
  PERIOD_TOO_LONG: input('`indicatorSeries` over more than 60 months.'),
  MUNICIPALITY_INVALID: input('A blank municipality (or `region`) for indicators.'),
  HORIZON_INVALID: input('The readiness horizon is outside its allowed days.'),
  REGION_INVALID: input(
    'A region the system has no rule set for, or a region code that is not lower-case Latin (`indicators(region)`, `/reports/…?region=`).',
  ),

  LETTER_NOT_FOUND: entry(
    '404',
    'No letter at this address (`/letters/…`): a wrong kind, format or id.',
    'Check the address.',
  ),
  LETTER_UNAVAILABLE: entry(
    '409',
    'The letter needs its decision or termination recorded first.',
    'Record the decision (or termination), then download again.',
  ),
  // People and applications (social)
  SNILS_INVALID: input('The СНИЛС has the wrong format or check digits.'),
  SNILS_DUPLICATE: state('Another person already has this СНИЛС.'),
  BIRTH_DATE_INVALID: input('A birth date in the future or implausibly old.'),
  EDIT_CONFLICT: state('The record changed since you read it (`version`).'),
  DATE_IN_FUTURE: input('A date of something that has happened lies after today.'),
  APPLICATION_ALREADY_OPEN: state('The person already has an application being decided.'),
  APPLICATION_ALREADY_DECIDED: state('The application is decided already.'),
  APPLICATION_OF_ANOTHER_RECIPIENT: input('The application belongs to another person.'),
  DECISION_DATE_INVALID: input('The decision is dated before the application.'),
  DOCUMENTS_MISSING: input('Documents the application needs (seed 002) are not listed.'),
  DOCUMENT_REPEATED: input('The same document is listed twice.'),
  REPRESENTATIVE_MISSING: input('A person of limited capacity applies without a representative.'),
  REFUSAL_GROUND_REQUIRED: input('A refusal needs its ground.'),
  REFUSAL_GROUND_UNEXPECTED: input('A grant cannot carry a refusal ground.'),
  LEGAL_CAPACITY_INELIGIBLE: state('An incapable person cannot take part (seed 002 §2).'),
  LEGAL_CAPACITY_UNKNOWN: state('Legal capacity is not recorded yet.'),
  NOT_ADULT: state('The person is under 18.'),
  NO_QUALIFYING_LIMITATION: state('No life limitation that qualifies (seed 002 §1).'),
  ASSESSMENT_REQUIRED: state('The step needs an assessment first.'),
  SCORE_OUT_OF_RANGE: input('The assessment score is outside 23–272.'),
  ALREADY_ANNULLED: state(
    'The record (an assessment, a decision or a termination) is annulled already; an annulment is never repeated or undone.',
  ),
  APPLICATION_NOT_DECIDED: state(
    'Only a decision taken can be annulled; the application is still undecided.',
  ),
  TERMINATION_SUPERSEDED: state(
    'The case went on after the termination (a newer decision or stage): that termination is no longer annulled; correct the newer record instead.',
  ),
  SCORE_MISMATCH: input(
    'The total sent with an assessment is not the sum of its questionnaire answers (`extensions.computed`, `extensions.given`); the score is always computed from the answers.',
  ),
  QUESTIONNAIRE_INCOMPLETE: input(
    'An item of the assessment questionnaire has no answer (`extensions.items` lists them); every item is answered.',
  ),
  QUESTIONNAIRE_ITEM_REPEATED: input('An item of the assessment questionnaire is answered more than once.'),
  QUESTIONNAIRE_ITEM_UNKNOWN: input(
    'An answer names an item the questionnaire does not have (`extensions.items`); see `assessmentQuestionnaire`.',
  ),
  QUESTIONNAIRE_LEVEL_INVALID: input(
    'An answer gives a level of help outside the questionnaire’s levels (0–3).',
  ),
  CONSENT_ALREADY_GIVEN: state('The same consent is already in force.'),
  CONSENT_DATE_BEFORE_LAST: input('A consent fact dated before the last fact of its scope.'),
  CONSENT_MINISTRY_NOT_APPLICABLE: input('A ministry given for a consent that is not a sharing consent.'),
  CONSENT_MINISTRY_REQUIRED: input('A sharing consent without its ministry.'),
  CONSENT_NOT_IN_FORCE: state('Withdrawing a consent that is not in force.'),
  ANSWER_DATE_INVALID: input('An interagency answer dated before the request.'),
  REQUEST_ALREADY_ANSWERED: state('The interagency request is answered already.'),
  REQUEST_OF_ANOTHER_RECIPIENT: input('The interagency request belongs to another person.'),

  RECIPIENT_NOT_FOUND: entry(
    '200',
    'No registered person with this id: every write about a person (in every ministry) refers to one.',
    'Check the id against `recipients`; do not retry.',
  ),
  RECIPIENT_DECEASED: state('A new application for a person whose participation ended with their death.'),
  STATEMENT_BEFORE_APPLICATION: input('A statement of the applicant is dated before the application.'),
  ASSESSMENT_CONSENT_MISSING: state(
    'No consent to the assessment in force on its date (seed 002, appendix).',
  ),
  ASSESSMENT_CONSENT_WITHDRAWN: state('The consent to the assessment was withdrawn before its date.'),
  ASSESSMENT_REFUSAL_NOT_RECORDED: state(
    'A refusal on ground «в» (001 §16) needs the written refusal of the assessment recorded first.',
  ),
  OTHER_FORM_CHOICE_NOT_RECORDED: state(
    'A refusal on ground «г» (001 §16) needs the choice of another form of service recorded first.',
  ),
  OTHER_FORM_REQUIRED: input('The chosen other form of service is missing.'),
  REFUSAL_GROUND_CONTRADICTED: state(
    'The refusal ground contradicts the record (a degree is established, or the documents are complete).',
  ),
  REFUSAL_GROUND_NOT_IN_REGION: input("The ground is not one of the region's refusal grounds."),
  MEDICAL_CONTRAINDICATION: state(
    'A medical conclusion in force found contraindications (001 §3 д): grant only with `contraindicationOverrideReason`.',
  ),
  CONTRAINDICATIONS_REQUIRED: input(
    'A medical conclusion answer must say whether it found contraindications.',
  ),
  CONTRAINDICATIONS_UNEXPECTED: input('Contraindications are given only with a medical conclusion.'),
  GRANT_ONLY_FIELD: input('The field is given only with a grant (the term of need, an override reason).'),
  NEED_TERM_INVALID: input('The term of need ends on or before the decision.'),
  DOCUMENT_TERM_INVALID: input("A document's term ends before it was received."),
  ANSWER_DOCUMENT_REQUIRED: input(
    "A paper answer of another agency is recorded with its document's details.",
  ),
  // Documents of a case and the record of informing (social)
  DOCUMENT_FILE_EMPTY: input('The uploaded file is empty or its base64 is damaged.'),
  DOCUMENT_TOO_LARGE: input(
    'The file is over `CASE_DOCUMENT_MAX_BYTES` (4 000 000 by default; `extensions.limit`, `extensions.size`).',
  ),
  DOCUMENT_TYPE_INVALID: input(
    'The content is not PDF, JPEG, PNG or DOCX, whatever the file is called (`extensions.detected`: what it is).',
  ),
  APPLICATION_REQUIRED: input('A file linked to a checklist item names the application whose item it is.'),
  CHECKLIST_ITEM_MISMATCH: input(
    'A file of this kind cannot stand for that checklist item (`extensions.expected`: the item it can).',
  ),
  CHECKLIST_ITEM_NOT_RECEIVED: state(
    'The application is decided and the item was not among its documents: the checklist does not change after the decision.',
  ),
  DECISION_NOT_MADE: state('The person is informed of a decision only once it is made (001 §13).'),
  NOTICE_BEFORE_DECISION: input(
    'The person cannot be informed before the decision (`extensions.decidedOn`).',
  ),
  NOTICE_REPEATED: state('This informing (the same way, the same day) is recorded already.'),
  // Stages, services and housing (social)
  DECISION_NOT_GRANTED: state('The preparatory stage needs a grant not followed by a termination.'),
  STAGE_ORDER_VIOLATED: state('Stages go preparatory → training → main.'),
  STAGE_DATE_BEFORE_PREVIOUS: input('A stage starts before the previous one.'),
  NOT_IN_TRAINING_STAGE: state('The step belongs to the training stage.'),
  NO_CURRENT_STAGE: state('The person has no stage under way.'),
  READINESS_ALREADY_CONFIRMED: state('Readiness is confirmed already.'),
  READINESS_NOT_CONFIRMED: state('The main stage needs confirmed readiness.'),
  READINESS_REVIEWS_EXHAUSTED: state('No readiness reviews left in the training stage.'),
  READINESS_REVIEW_PERIOD_TAKEN: state('A readiness review of that period exists.'),
  READINESS_REVIEW_TOO_EARLY: state('Too early for the next readiness review.'),
  SERVICE_TYPE_NOT_RECOMMENDED: input('The service type is not the one the latest assessment gave.'),
  SERVICE_TYPE_NOT_IN_REGION: input("The service type is not in the region's rule set."),
  SERVICE_TYPE_REQUIRED: input('The main stage needs a service type.'),
  PLANNED_HOURS_OUT_OF_RANGE: input("Planned hours are outside the service type's range."),
  SERVICE_ONLY_IN_MAIN_STAGE: state('Services are planned in the main stage only.'),
  SERVICE_PLAN_OVERLAP: state('Another service plan covers those dates.'),
  NO_SERVICE_PLAN: state('The person has no open service plan.'),
  STAFF_NOT_OF_PROVIDER: input("The team member does not work for the plan's provider."),
  ALREADY_IN_TEAM: state('Already in the team.'),
  NOT_IN_TEAM: state('Not in the team.'),
  DATE_ORDER: input('An end date before its start date.'),
  DATE_BEFORE_START: input('A date before the start of what it belongs to.'),
  DAILY_HOURS_EXCEEDED: input('More hours on one day than the day has for visits.'),
  HOURS_REQUIRED: input('A visit needs its hours.'),
  VISIT_IN_FUTURE: input('A visit recorded after today.'),
  ROUTE_EXISTS: state('The person has a rehabilitation route already.'),
  PROVIDER_EXISTS: state('A provider with that INN exists.'),
  CAPACITY_EXCEEDED: state('The housing unit has no free place on that date.'),
  ALREADY_HOUSED: state('The person is housed already on that date.'),
  NOT_HOUSED: state('The person is not housed.'),
  HOUSING_PERIOD_OVERLAP: state('Another stay overlaps those dates.'),
  OPERATOR_REQUIRED: input('The housing unit needs its operator.'),
  TERMINATION_BEFORE_STAGE_START: input('A termination dated before the stage began.'),
  TERMINATION_REQUESTED_BEFORE_GROUND: input('A termination requested before its ground arose.'),
  TERMINATION_REQUESTED_DATE_REQUIRED: input('The ground needs the date it was requested.'),

  STAGE_BEFORE_GRANT: state('A stage cannot start before the decision to grant supported living.'),
  HOUSING_BEFORE_GRANT: state('A placement cannot begin before the decision to grant supported living.'),
  PLAN_HOURS_OUT_OF_ASSESSED_RANGE: state(
    "The plan's hours lie outside the assessed service type's range (001 §9.1): change them or give `hoursOverrideReason`.",
  ),
  VISIT_ALREADY_RECORDED: state("The visit's outcome is recorded already; it is never overwritten."),
  // Health, education, employment
  ICD10_INVALID: input('A condition is not an ICD-10 code.'),
  CONDITIONS_REQUIRED: input('Contraindications present but no conditions given.'),
  CONDITIONS_WITHOUT_CONTRAINDICATIONS: input('Conditions given while contraindications are absent.'),
  VALID_UNTIL_BEFORE_ISSUE: input('A conclusion valid until a date before its issue.'),
  DATES_ORDER_INVALID: input('An end date before its start date.'),
  ALREADY_ENROLLED: state('An active enrolment in that programme exists.'),
  ENROLMENT_NOT_ACTIVE: state('The enrolment is finished already.'),
  END_DATE_INVALID: input('An end date before the start.'),
  INN_INVALID: input('The INN is not 10 or 12 digits with valid check digits.'),
  EMPLOYER_EXISTS: state('An employer with that INN exists.'),
  QUOTA_CONFLICT: input('A quota job that is not of quota origin, or the reverse.'),
  WORK_KIND_CONFLICT: input('The same kind of work both recommended and forbidden.'),
  WORK_KIND_FORBIDDEN: state("The person's ИПРА forbids that kind of work (number in the message)."),
  WORK_KIND_REQUIRED: input('The placement needs its kind of work.'),
  VACANCY_CLOSED: state('The vacancy is closed.'),
  VACANCY_OF_ANOTHER_EMPLOYER: input('The vacancy belongs to another employer.'),
  PLACEMENT_ALREADY_ENDED: state('The placement has ended already.'),
  ALREADY_REGISTERED: state('The person is registered as unemployed already.'),
  EMPLOYED_ON_DATE: state('The person is employed on that date.'),
  UNEMPLOYED_STATUS_REQUIRED: state('Training and own-business support only for the registered unemployed.'),

  // Roadmaps and the Council (coordination)
  ROADMAP_ROW_UNREADABLE: input('A row of the roadmap table cannot be read (`extensions.line`).'),
  ROADMAP_FILE_UNREADABLE: input('The `.docx`/`.xlsx` is damaged or not of that format.'),
  ROADMAP_ENCODING_INVALID: input('The text file is not UTF-8 (`extensions.line`).'),
  ROADMAP_TABLE_NOT_FOUND: input('No roadmap table in the document.'),
  ROADMAP_TITLE_MISSING: input('No title in the document.'),
  ROADMAP_FORMAT_UNSUPPORTED: input('The file extension is not `.txt`, `.docx` or `.xlsx`.'),
  ROADMAP_FILE_EMPTY: input('The file is empty.'),
  ROADMAP_FILE_TOO_LARGE: input('The file is over 700 KB decoded.'),
  TARGET_UNKNOWN: input('The progress report names a target the item does not have.'),
  EVIDENCE_TYPE_INVALID: input('An evidence file is not what it claims (checked against its content).'),
  EVIDENCE_TOO_LARGE: input('An evidence file is over 200 KB.'),
  REPORT_DATE_IN_FUTURE: input('A progress report dated after today.'),
  OBLIGATION_CANCELLED: state('The obligation is cancelled.'),
  AGENCY_UNKNOWN: input(
    "An agency not in the directory: a decision's assignee not of the meeting's region, an account's or API client's `agencyId` that `agency(id)` does not know, or an interagency request's `agencyId` that is not an agency of the region's directory.",
  ),
  ROADMAP_ITEM_UNKNOWN: input("A roadmap item not of the meeting's region."),
  DUE_BEFORE_MEETING: input('A decision due before its meeting.'),
  PEOPLE_COUNT_REQUIRED: input('A `peopleIndicator` without `peopleCount`.'),
  // Accountability: who reports on what, and when work was done
  AGENCY_REQUIRED: entry(
    '200',
    'A report (`reportProgress`, `reportDecisionProgress`) from an account or API client that belongs to no agency of the directory.',
    'Have an administrator set the account’s agency (`updateAccount`), then report again.',
  ),
  OTHER_REGION: entry(
    '200',
    "A report on another region's roadmap or Council: an agency reports for its own region only.",
    'Do not retry; the region’s own agencies report.',
  ),
  NOT_EXECUTING_AGENCY: entry(
    '200',
    "A report on an obligation whose item names the caller's agency neither as responsible nor as co-executing (the region's coordinators may report on any).",
    'Do not retry; the executing agency reports, or ask the coordinator.',
  ),
  NOT_ASSIGNED_AGENCY: entry(
    '200',
    "A report on a Council decision assigned to another agency (the region's coordinators may report on any).",
    'Do not retry; the assigned agency reports, or ask the coordinator.',
  ),
  DECISION_CANCELLED: state('The Council decision is cancelled: no report is taken.'),
  COMPLETION_DATE_IN_FUTURE: input(
    'A completion date after today (`setCouncilDecisionStatus(doneOn)`, `setObligationStatus(completedOn)`, a `done` report dated later).',
  ),
  COMPLETION_DATE_TOO_EARLY: input(
    "A completion date before the work could start: a decision's before its meeting, an obligation's before its period.",
  ),
};

/** `docs/errors.md`: the table, grouped as the catalogue is, sorted by code within the file. */
export function renderErrorDoc(): string {
  const rows = Object.entries(ERROR_CATALOGUE)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, e]) => `| \`${code}\` | ${e.status} | ${e.meaning} | ${e.action} |`);
  return `# Error codes

Generated from \`packages/gateway/src/errors/error-catalogue.ts\` by \`./dev.sh schema:generate\`; a
test checks that every code the server's source gives to its error classes is here, and nothing
else. Branch on \`extensions.code\`, never on \`message\` (Russian, for people, reworded freely).
An answer can carry \`data\` and \`errors\` together: a \`200\` code is an error at its \`path\` beside
the rest of the data. Treat a code that is not in this table as a failure of that request.

¹ A request error: the document was refused before anything ran. GraphQL over HTTP: 400 when the
request accepts \`application/graphql-response+json\` (send \`Accept: application/graphql-response+json\`),
200 with only \`errors\` under the legacy \`application/json\`. Every non-2xx answer is JSON \`{ "errors": [ … ] }\` with a code, never HTML.

| code | HTTP | meaning | what to do |
|---|---|---|---|
${rows.join('\n')}
`;
}
