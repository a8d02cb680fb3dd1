import { createLogger, describeConfig, loadConfig, stopOnSignals } from '@sl/core';
import { startSystem } from './system.js';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
logger.info({ config: describeConfig(config) }, 'starting');
const system = await startSystem({ config, logger });
logger.info({ url: `http://localhost:${system.server.port}/graphql` }, 'gateway ready');
stopOnSignals(() => system.stop(), logger);
