// The checks docker/check.sh runs against the running deployment: only HTTP to the published
// gateway, and the container engine for what an operator (or a failure) does to the containers.
// Plain Node 24, no dependencies: it runs from a checkout without an install.
import { execFile, execFileSync } from 'node:child_process';
import net from 'node:net';
import { promisify } from 'node:util';

const base = process.env.GATEWAY_URL;
const engineBin = process.env.CHECK_ENGINE;
const project = process.env.CHECK_PROJECT;
const profile = process.env.CHECK_PROFILE;
const [composeBin, ...composeArgs] = process.env.CHECK_COMPOSE.split(' ');
const DEMO_PASSWORD = 'demo-password-2026';

const results = [];
const state = {};

const log = (line) => process.stdout.write(`${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const today = () => new Date().toISOString().slice(0, 10);

async function check(name, fn) {
  const t0 = Date.now();
  try {
    const detail = await fn();
    const seconds = ((Date.now() - t0) / 1000).toFixed(1);
    results.push({ name, ok: true, seconds, detail });
    log(`✓ ${name} (${seconds} s)${detail ? `: ${detail}` : ''}`);
  } catch (error) {
    const seconds = ((Date.now() - t0) / 1000).toFixed(1);
    const detail = error.cause
      ? `${error.message} (${error.cause.code ?? error.cause.message})`
      : error.message;
    results.push({ name, ok: false, seconds, detail });
    log(`✗ ${name} (${seconds} s): ${detail}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Waits for `probe` to return a truthy value, up to `seconds`. */
async function until(what, seconds, probe) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${seconds} s`);
    await sleep(500);
  }
}

const engine = (...args) =>
  execFileSync(engineBin, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
// Asynchronous: a synchronous call of several seconds would block the event loop while the
// gateway closes this process's idle keep-alive connection, and the next request would be sent on
// the closed socket (UND_ERR_SOCKET), a failure of the check, not of the deployment.
const compose = async (...args) =>
  (await promisify(execFile)(composeBin, [...composeArgs, ...args], { encoding: 'utf8' })).stdout;
const containersOf = (service) =>
  engine(
    'ps',
    '-q',
    '--filter',
    `label=com.docker.compose.project=${project}`,
    '--filter',
    `label=com.docker.compose.service=${service}`,
  )
    .split('\n')
    .filter(Boolean);

/**
 * fetch, sent once more when the gateway had already closed the pooled keep-alive connection it was
 * sent on (the request never reached it). Other failures are the check's to judge.
 */
async function send(url, init = {}) {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(20_000) });
  } catch (error) {
    if (error.cause?.code !== 'UND_ERR_SOCKET') throw error;
    return fetch(url, { ...init, signal: AbortSignal.timeout(20_000) });
  }
}

async function gql(token, query, variables = {}) {
  const response = await send(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}
function data(answer, what) {
  if (answer.errors?.length)
    throw new Error(`${what}: ${JSON.stringify(answer.errors.map((e) => [e.extensions?.code, e.message]))}`);
  return answer.data;
}
const ready = async () => (await send(`${base}/readyz`)).status === 200;
const notReady = async () => (await send(`${base}/readyz`)).status === 503;

async function signIn(login, password = DEMO_PASSWORD) {
  const answer = await gql(null, 'mutation ($input: SignInInput!) { signIn(input: $input) { token } }', {
    input: { login, password },
  });
  return data(answer, `sign-in of ${login}`).signIn.token;
}

const CARD = `query ($id: ID!) { recipient(id: $id) { id lastName firstName snils phone version
  medicalConclusions { id issuedOn } mobileTeamVisits { id help }
  enrolments { id programme } guidanceSessions { id organisation }
  placements { id position } employmentSupports { id kind }
  needRegistryEntry { source } } }`;
const OTHERS = `query ($id: ID!) { recipient(id: $id) { id lastName enrolments { id } placements { id } needRegistryEntry { source } } }`;

// ---------------------------------------------------------------------------------------------
await check('sign in (the operator from ADMIN_LOGIN/ADMIN_PASSWORD, the demo officers)', async () => {
  state.operator = await signIn('operator', process.env.CHECK_ADMIN_PASSWORD);
  state.coordinator = await signIn('coordinator');
  state.health = await signIn('health');
  state.education = await signIn('education');
  state.employment = await signIn('employment');
  const me = data(await gql(state.coordinator, '{ me { id name roles } }'), 'me');
  state.coordinatorId = me.me.id;
  return `operator and 4 officers signed in; coordinator ${me.me.name}`;
});

await check("a demo person's card with all four ministries' fields", async () => {
  const list = data(
    await gql(
      state.coordinator,
      '{ recipients(first: 50) { totalCount edges { node { id medicalConclusions { id } enrolments { id } placements { id } } } } }',
    ),
    'recipients',
  ).recipients;
  const nodes = list.edges.map((e) => e.node);
  const full =
    nodes.find((n) => n.medicalConclusions?.length && n.enrolments?.length && n.placements?.length) ??
    nodes[0];
  state.person = full.id;
  const card = data(await gql(state.coordinator, CARD, { id: state.person }), 'card').recipient;
  for (const field of ['lastName', 'medicalConclusions', 'enrolments', 'placements', 'needRegistryEntry']) {
    assert(card[field] !== null && card[field] !== undefined, `${field} missing`);
  }
  state.card = card;
  return `${list.totalCount} people; ${card.lastName} ${card.firstName}: ${card.medicalConclusions.length} medical conclusion(s), ${card.enrolments.length} enrolment(s), ${card.placements.length} placement(s), need registry: ${card.needRegistryEntry.source}`;
});

await check('a write in each ministry (and social asking access)', async () => {
  const id = state.person;
  state.phone = `+7 900 ${String(Date.now()).slice(-7)}`;
  const social = data(
    await gql(
      state.coordinator,
      'mutation ($input: UpdateRecipientInput!) { updateRecipient(input: $input) { id phone version } }',
      {
        input: { id, version: state.card.version, phone: state.phone },
      },
    ),
    'social: updateRecipient',
  ).updateRecipient;
  assert(social.phone === state.phone, 'social: phone not changed');
  // Social asks the access service whether the account exists: it needs ACCESS_URL and the network.
  data(
    await gql(
      state.coordinator,
      'mutation ($input: AssignCaseCoordinatorInput!) { assignCaseCoordinator(input: $input) { id caseCoordinatorIds } }',
      {
        input: { recipientId: id, accountId: state.coordinatorId },
      },
    ),
    'social → access: assignCaseCoordinator',
  );
  const visit = data(
    await gql(
      state.health,
      'mutation ($input: RecordMobileTeamVisitInput!) { recordMobileTeamVisit(input: $input) { id } }',
      {
        input: {
          recipientId: id,
          visitedOn: today(),
          team: 'Мобильная бригада №1',
          help: 'проверка развёртывания',
        },
      },
    ),
    'health: recordMobileTeamVisit',
  ).recordMobileTeamVisit;
  const session = data(
    await gql(
      state.education,
      'mutation ($input: RecordGuidanceSessionInput!) { recordGuidanceSession(input: $input) { id } }',
      {
        input: {
          recipientId: id,
          heldOn: today(),
          organisation: 'Центр профориентации',
          suggestedProfessions: ['садовник'],
        },
      },
    ),
    'education: recordGuidanceSession',
  ).recordGuidanceSession;
  const support = data(
    await gql(
      state.employment,
      'mutation ($input: RecordEmploymentSupportInput!) { recordEmploymentSupport(input: $input) { id } }',
      {
        input: { recipientId: id, kind: 'VOCATIONAL_GUIDANCE', startDate: today() },
      },
    ),
    'employment: recordEmploymentSupport',
  ).recordEmploymentSupport;
  state.written = { visit: visit.id, session: session.id, support: support.id };
  const card = data(await gql(state.coordinator, CARD, { id }), 'card after the writes').recipient;
  assert(
    card.mobileTeamVisits.some((v) => v.id === visit.id),
    'health: the visit is not on the card',
  );
  assert(
    card.guidanceSessions.some((s) => s.id === session.id),
    'education: the session is not on the card',
  );
  assert(
    card.employmentSupports.some((s) => s.id === support.id),
    'employment: the support is not on the card',
  );
  return 'social phone, case coordinator (social → access), health visit, education guidance session, employment support: all on the card';
});

await check("the auditor's log and export: every ministry's reads of the card, in one log", async () => {
  // In `split` each ministry's server records its reads in its own log, in the same transaction,
  // and sends the rows on to the access service: they reach the auditor's one log within seconds.
  const auditor = await signIn('auditor');
  const ministries = ['social', 'health', 'education', 'employment'];
  const seen = await until('every ministry in the auditor’s log', 60, async () => {
    const events = data(
      await gql(
        auditor,
        'query ($filter: AuditFilter) { auditEvents(first: 200, filter: $filter) { edges { node { subgraph action } } } }',
        { filter: { recipientId: state.person, action: 'READ' } },
      ),
      'auditEvents',
    ).auditEvents.edges.map((e) => e.node.subgraph);
    const subgraphs = new Set(events);
    return ministries.every((m) => subgraphs.has(m)) && subgraphs;
  });
  const day = today();
  const response = await send(
    `${base}/audit/export?from=${day}&to=${day}&recipientId=${state.person}&format=csv`,
    {
      headers: { authorization: `Bearer ${auditor}` },
    },
  );
  assert(response.ok, `export answered ${response.status}`);
  const csv = await response.text();
  const exported = new Set(
    csv
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[2]?.replaceAll('"', '')),
  );
  const missing = ministries.filter((m) => !exported.has(m));
  assert(missing.length === 0, `the export lacks ${missing.join(', ')}`);
  let local = '';
  if (profile === 'split') {
    // And the rows are also kept where they were written: health's own server.
    const [db] = containersOf('health-db');
    const count = engine(
      'exec',
      db,
      'psql',
      '-U',
      'supported_living',
      '-d',
      'supported_living',
      '-Atc',
      `select count(*) from access.audit_event where recipient_id = '${state.person}' and subgraph = 'health'`,
    );
    assert(Number(count) > 0, "health's server holds no audit row of the card's reads");
    local = `; health's own server holds ${count} of its rows about the person`;
  }
  return `log: ${[...seen].sort().join(', ')}; export (CSV): ${[...exported].filter(Boolean).sort().join(', ')}${local}`;
});

await check(
  "health's subgraph stopped: the card answers the rest, a per-field error for health",
  async () => {
    await compose('stop', 'health');
    try {
      const answer = await gql(state.coordinator, CARD, { id: state.person });
      const card = answer.data?.recipient;
      assert(card, `no card: ${JSON.stringify(answer.errors)}`);
      assert(
        card.lastName &&
          Array.isArray(card.enrolments) &&
          Array.isArray(card.placements) &&
          card.needRegistryEntry,
        'social, education, employment or coordination missing',
      );
      assert(
        card.medicalConclusions === null && card.mobileTeamVisits === null,
        "health's fields are not null",
      );
      const error = answer.errors?.find((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE');
      assert(
        error && error.extensions.service === 'health',
        `no SUBGRAPH_UNAVAILABLE for health: ${JSON.stringify(answer.errors)}`,
      );
      assert(/[а-яё]/i.test(error.message), `not a Russian message: ${error.message}`);
      assert(
        error.path?.includes('medicalConclusions') || error.path?.includes('mobileTeamVisits') || !error.path,
        'error not on health’s field',
      );
      assert(await notReady(), '/readyz is not 503 while health is down');
      const page = await send(`${base}/`);
      assert(page.ok && (await page.text()).includes('<div id="root">'), 'the dashboard page does not load');
      return `${error.extensions.code} at ${JSON.stringify(error.path)}: «${error.message}»; the other parts answered; /readyz 503; the dashboard page loads`;
    } finally {
      await compose('start', 'health');
    }
  },
);

await check('health started again: everything answers, nothing lost', async () => {
  await until('the gateway ready', 180, ready);
  const card = data(await gql(state.coordinator, CARD, { id: state.person }), 'card').recipient;
  assert(
    card.mobileTeamVisits.some((v) => v.id === state.written.visit),
    'the visit written before is gone',
  );
  return `card complete again; ${card.mobileTeamVisits.length} visit(s) incl. the one written before`;
});

// In `split` health's own server is killed and the other ministries must keep answering; in
// `shared` the one server is everybody's, so only durability is asserted and the others' failures
// are counted.
const dbService = profile === 'split' ? 'health-db' : 'postgres';
await check(
  `${dbService} killed (kill -9 of the server) under a health write loop: acknowledged writes kept${profile === 'split' ? ', others answering' : ''}`,
  async () => {
    const [db] = containersOf(dbService);
    assert(db, `no ${dbService} container`);
    const acknowledged = [];
    const refused = {};
    let otherReads = 0;
    const otherFailures = [];
    let killed = false;
    let stop = false;
    let n = 0;
    const writer = (async () => {
      while (!stop) {
        n += 1;
        const answer = await gql(
          state.health,
          'mutation ($input: RecordMobileTeamVisitInput!) { recordMobileTeamVisit(input: $input) { id } }',
          {
            input: {
              recipientId: state.person,
              visitedOn: today(),
              team: 'Мобильная бригада №2',
              help: `запись ${n}`,
            },
          },
        ).catch((error) => ({ errors: [{ extensions: { code: `HTTP ${error.name}` } }] }));
        const id = answer.data?.recordMobileTeamVisit?.id;
        if (id) acknowledged.push({ id, afterKill: killed });
        else {
          const code = answer.errors?.[0]?.extensions?.code ?? 'unknown';
          refused[code] = (refused[code] ?? 0) + 1;
        }
        await sleep(100);
      }
    })();
    const reader = (async () => {
      while (!stop) {
        const answer = await gql(state.coordinator, OTHERS, { id: state.person }).catch((error) => ({
          errors: [{ message: error.message }],
        }));
        otherReads += 1;
        if (answer.errors?.length || !answer.data?.recipient?.lastName) otherFailures.push(answer.errors);
        await sleep(200);
      }
    })();
    try {
      await until('first writes acknowledged', 30, async () => acknowledged.length >= 5);
      const pid = Number(engine('inspect', '-f', '{{.State.Pid}}', db));
      assert(pid > 0, 'health-db is not running');
      process.kill(pid, 'SIGKILL');
      killed = true;
      log(
        `  killed ${dbService}'s postmaster (pid ${pid}) with SIGKILL after ${acknowledged.length} acknowledged writes`,
      );
      await until(
        `${dbService} restarted by its restart policy`,
        90,
        async () =>
          engine('inspect', '-f', '{{.State.Pid}}', db) !== String(pid) &&
          engine('inspect', '-f', '{{.State.Running}}', db) === 'true',
      );
      await until(
        'writes acknowledged again after the restart',
        120,
        async () => acknowledged.filter((a) => a.afterKill).length >= 5,
      );
    } finally {
      stop = true;
      await Promise.all([writer, reader]);
    }
    const card = data(
      await gql(state.health, 'query ($id: ID!) { recipient(id: $id) { mobileTeamVisits { id } } }', {
        id: state.person,
      }),
      'visits after the restart',
    ).recipient;
    const present = new Set(card.mobileTeamVisits.map((v) => v.id));
    const lost = acknowledged.filter((a) => !present.has(a.id));
    assert(lost.length === 0, `${lost.length} acknowledged write(s) missing after the restart`);
    if (profile === 'split') {
      assert(
        otherFailures.length === 0,
        `the other ministries failed ${otherFailures.length} of ${otherReads} reads: ${JSON.stringify(otherFailures[0])}`,
      );
    }
    state.acknowledged = acknowledged.map((a) => a.id);
    return `${acknowledged.length} writes acknowledged (${acknowledged.filter((a) => a.afterKill).length} after the kill), all present; refused meanwhile: ${JSON.stringify(refused)}; other ministries: ${otherReads} reads, ${otherFailures.length} failed`;
  },
);

await check('subgraph and database ports not reachable from outside the compose network', async () => {
  const connects = (port, host) =>
    new Promise((resolve) => {
      const socket = net.connect({ port, host, timeout: 2000 });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
    });
  const facts = [];
  const breaches = [];
  // On the host: nothing but the gateway is published.
  for (const port of [4001, 4002, 4003, 4004, 4005, 4006, 5432]) {
    if (await connects(port, '127.0.0.1')) breaches.push(`port ${port} answers on the host`);
  }
  facts.push('host: only the gateway port is published (4001–4006, 5432 refused)');
  // A container on a network of its own (as any other workload on the host): no name, no route.
  const [social] = containersOf('social');
  const image = engine('inspect', '-f', '{{.Config.Image}}', social);
  const socialIp = engine(
    'inspect',
    '-f',
    '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}',
    social,
  ).split(' ')[0];
  const probe = (target) =>
    `const s=require('net').connect({host:'${target}',port:4001,timeout:3000});s.on('connect',()=>{console.log('open');process.exit(0)});s.on('error',e=>{console.log(e.code);process.exit(0)});s.on('timeout',()=>{console.log('timeout');process.exit(0)})`;
  const outsider = `${project}-outsider`;
  engine('network', 'create', outsider);
  try {
    for (const target of ['social', socialIp]) {
      const answer = engine(
        'run',
        '--rm',
        '--network',
        outsider,
        '--entrypoint',
        'node',
        image,
        '-e',
        probe(target),
      );
      facts.push(`another network → social:4001 as ${target}: ${answer}`);
      if (answer !== 'open') continue;
      breaches.push(`social:4001 reachable as ${target} from another network`);
      // What it gives there without the gateway's signed assertion.
      const unsigned = engine(
        'run',
        '--rm',
        '--network',
        outsider,
        '--entrypoint',
        'node',
        image,
        '-e',
        `fetch('http://${target}:4001/graphql',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify({query:'{ recipients(first: 1) { edges { node { lastName } } } }'})}).then(r=>r.json()).then(b=>console.log(JSON.stringify(b.errors?.map(e=>e.extensions?.code)??b.data)))`,
      );
      facts.push(`an unsigned query there: ${unsigned}`);
    }
  } finally {
    engine('network', 'rm', outsider);
  }
  if (profile === 'split') {
    // Social's container cannot reach health's database server, by name or by address.
    const [db] = containersOf('health-db');
    const dbIp = engine(
      'inspect',
      '-f',
      '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}',
      db,
    ).trim();
    for (const target of ['health-db', dbIp]) {
      const answer = engine('exec', social, 'node', '-e', probe(target).replace('port:4001', 'port:5432'));
      if (answer === 'open') breaches.push(`health-db:5432 reachable from social as ${target}`);
      facts.push(`social → health-db:5432 as ${target}: ${answer}`);
    }
  }
  assert(breaches.length === 0, `${breaches.join('; ')} — ${facts.join('; ')}`);
  return facts.join('; ');
});

await check('two replicas of social started together: the migrations ran once', async () => {
  const replicas = containersOf('social');
  assert(replicas.length === 2, `${replicas.length} social replica(s) running`);
  const migrated = replicas.filter((id) => engine('logs', id).includes('"msg":"migrations applied"'));
  assert(migrated.length === 1, `${migrated.length} replicas applied migrations`);
  return 'both replicas serve; exactly one logged "migrations applied"';
});

await check('down, then up: the data is still there', async () => {
  await compose('down', '--timeout', '20');
  await compose('up', '-d', '--no-build', '--scale', 'social=2');
  await until('the gateway ready after up', 300, ready);
  const token = await signIn('coordinator');
  const card = data(await gql(token, CARD, { id: state.person }), 'card after up').recipient;
  assert(card.phone === state.phone, 'social: the phone written before is gone');
  assert(
    card.guidanceSessions.some((s) => s.id === state.written.session),
    'education: the session is gone',
  );
  assert(
    card.employmentSupports.some((s) => s.id === state.written.support),
    'employment: the support is gone',
  );
  const visits = new Set(card.mobileTeamVisits.map((v) => v.id));
  for (const id of [state.written.visit, ...(state.acknowledged ?? [])])
    assert(visits.has(id), `health: visit ${id} is gone`);
  return `all writes present after down/up (${visits.size} visits)`;
});

log('');
log('| check | result | time |');
log('|---|---|---|');
for (const r of results) log(`| ${r.name} | ${r.ok ? 'passed' : `FAILED: ${r.detail}`} | ${r.seconds} s |`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
