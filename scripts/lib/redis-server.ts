/** How a throwaway local Redis runs (the services script's and the tests' own): nothing on disk, no eviction. */
export const redisServerArgs = (port: number): string[] => [
  '--port',
  String(port),
  '--bind',
  '127.0.0.1',
  '--save',
  '',
  '--appendonly',
  'no',
  '--maxmemory-policy',
  'noeviction',
];
