/** Companies and regions: the two tag collections every entry and article is filed under. */
import { z } from 'zod';
import { httpUrl, regionCodeFormat, slugId, text } from './fields.ts';

export const companySchema = z.object({
  /** Display name, e.g. "Meta" or "Stack Overflow". The file name is the company id (`meta.yaml` → `meta`). */
  name: text('the company name'),
  /**
   * Other names the company goes by in the press ("Facebook parent", "Meta Platforms"). The tagger
   * matches them on word boundaries, ignoring case.
   */
  aliases: z.array(text('an alias')).default([]),
  /** Products whose mention means this company (Instagram, WhatsApp, Threads → meta). */
  products: z.array(text('a product name')).default([]),
  /**
   * Names or products that are also ordinary words ("X", "Meta", "Snap", "Threads"): the tagger
   * matches these only with exactly this capitalisation.
   */
  caseSensitive: z.array(text('a name')).default([]),
  /**
   * Other companies' products built into this platform and learning from its users (Grok in X):
   * a story that names one is about this platform's users too, so it is tagged with this company
   * as well as the product's maker. Each must be in its maker's `products`, whose capitalisation
   * rule it follows.
   */
  builtIn: z.array(text('a product name')).default([]),
  /** Id of the parent company, if any (instagram's maker is `meta`). A parent is never tagged unless named. */
  parent: slugId.optional(),
  /** The company's own website. */
  website: httpUrl.optional(),
  /** How a person stops this company training AI on their data, where it offers a way. */
  optOut: z
    .object({
      /** One or two sentences: what the route is and who can use it. */
      summary: text('a summary'),
      /** The settings page or form, if there is one. */
      url: httpUrl.optional(),
      /** The steps, in order, in plain words. */
      steps: z.array(text('a step')).default([]),
    })
    .optional(),
});
export type Company = z.output<typeof companySchema> & { id: string };

export const regulatorSchema = z.object({
  /** Full name, e.g. "Data Protection Commission". */
  name: text('the regulator name'),
  /** The abbreviation the press uses ("DPC", "ICO"); the tagger matches it case-sensitively. */
  abbr: text('an abbreviation').optional(),
  /**
   * Other names the press gives it, in its own language and with their endings ("Hamburger
   * Datenschutzbeauftragter"): the tagger matches them as it does the name; pages show the name.
   */
  aliases: z.array(text('an alias')).default([]),
  /** The regulator's website. */
  url: httpUrl.optional(),
});

export const regionSchema = z.object({
  /** Upper-case code: GLOBAL, EU, UK, US or an ISO 3166-1 alpha-2 country code. Its file is the lower-case code (`eu.yaml`). */
  code: regionCodeFormat,
  /** Display name, e.g. "European Union / EEA". */
  name: text('the region name'),
  /** Other names and demonyms that mean this region in text ("Irish", "Europe", "Brussels"). */
  aliases: z.array(text('an alias')).default([]),
  /** Data-protection regulators whose action places a story here. */
  regulators: z.array(regulatorSchema).default([]),
  /** Laws whose mention places a story here (GDPR → EU, LGPD → BR), by name or abbreviation. */
  laws: z
    .array(
      z.object({
        name: text('the law name'),
        abbr: text('an abbreviation').optional(),
        /** Its names in other languages ("개인정보보호법"): matched as the name is; pages show the name. */
        aliases: z.array(text('an alias')).default([]),
      }),
    )
    .default([]),
  /** Codes of the blocs this region belongs to: an item tagged with it is also tagged with them (IE → EU). */
  memberOf: z.array(regionCodeFormat).default([]),
  /**
   * ISO 639-1 codes of the languages its own press writes in (`[no]`): a name two regions share
   * (Datatilsynet, Norway's and Denmark's regulator) is read as this region's in those languages,
   * and a story in one of them that names no place is read as written for this region's readers.
   * A country's file may leave it out: its official languages come from world-countries.
   */
  languages: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z]{2}$/, 'must be a two-letter language code such as no'),
    )
    .optional(),
});
/**
 * A group of countries the press names as one ("G7", "the Nordic countries"): unlike a bloc, it has
 * no page and no law of its own, so a story that names it is filed under each of its members.
 */
export const regionGroupSchema = z.object({
  /** The name reasons give, e.g. "G7". */
  name: text('the group name'),
  /**
   * Other names the press gives it, in the languages read ("Group of Seven", "nordiske lande"):
   * the tagger matches them, and the name, as it does a region's aliases.
   */
  aliases: z.array(text('an alias')).default([]),
  /** Codes of its members, regions the taxonomy knows (`UK`, `JP`). */
  members: z.array(regionCodeFormat).min(2, 'must list at least two members'),
});
export type RegionGroup = z.output<typeof regionGroupSchema>;

/** content/region-groups.yaml: a list of groups. */
export const regionGroupsSchema = z.array(regionGroupSchema);

export type Region = z.output<typeof regionSchema> & {
  id: string;
  /**
   * The country's names in the languages the site reads, from the country data packages (not
   * editors' data): the tagger matches them as it does `aliases`; search and pages do not list them.
   */
  countryNames?: string[];
  /**
   * The country's demonyms in other languages, by ISO 639-1 code, with their endings ("italiani",
   * "irische"): matched only in text of that language, where a word means what it says.
   */
  countryDemonyms?: Record<string, string[]>;
};
