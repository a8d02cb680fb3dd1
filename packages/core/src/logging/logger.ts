import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

/** Structured JSON logs; personal data never goes into a log line (ids only). */
export function createLogger(
  level: string,
  base: Record<string, unknown> = {},
  destination?: DestinationStream,
): Logger {
  const options = {
    level,
    base: { service: 'supported-living', ...base },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.secret', '*.token'],
      censor: '***',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
