import { renameSync, writeFileSync } from 'node:fs';
import { createLogger, describeConfig, loadConfig, type SubgraphName, stopOnSignals } from '@sl/core';
import { startSystem } from './system.js';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
logger.info({ config: describeConfig(config) }, 'starting');
const statements = countStatements(config.STATEMENT_COUNT_FILE);
const system = await startSystem({ config, logger, ...(statements ? { onQuery: statements } : {}) });
logger.info(
  { url: `http://localhost:${system.server.port}/graphql`, engine: config.GATEWAY_ENGINE },
  'gateway ready',
);
stopOnSignals(() => system.stop(), logger);

/**
 * The bench's statements per request: counted per subgraph while the process runs, written whole
 * to `file` on SIGUSR2 (renamed into place, so a reader never sees half of it).
 */
function countStatements(file: string | undefined): ((subgraph: SubgraphName) => void) | undefined {
  if (!file) return undefined;
  const counts: Partial<Record<SubgraphName, number>> = {};
  process.on('SIGUSR2', () => {
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(counts));
    renameSync(partial, file);
  });
  return (subgraph) => {
    counts[subgraph] = (counts[subgraph] ?? 0) + 1;
  };
}
