import { companySchema, type Company, type Region } from '../../src/lib/content/taxonomy.ts';

/** A company as the loaded taxonomy gives it, with no aliases or products unless a test needs them. */
export const testCompany = (id: string, name: string): Company => ({
  ...companySchema.parse({ name }),
  id,
});

/** A region as the loaded taxonomy gives it, named by its code unless a test names it. */
export const testRegion = (code: string, name = code, memberOf: string[] = []): Region => ({
  id: code.toLowerCase(),
  code,
  name,
  aliases: [],
  regulators: [],
  laws: [],
  memberOf,
});
