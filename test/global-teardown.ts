export default async function globalTeardown(): Promise<void> {
  await globalThis.__templateTestDatabase?.drop();
  await globalThis.__embeddedTestDatabase?.stop();
}
