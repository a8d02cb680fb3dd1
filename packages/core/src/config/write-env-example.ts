import { writeFileSync } from 'node:fs';
import { renderEnvExample } from './config.js';

// `pnpm env:example` regenerates .env.example from the variable list.
writeFileSync(process.argv[2] ?? '.env.example', renderEnvExample());
