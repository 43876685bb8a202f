/** Where each page's preview image is served: one PNG per entry, company and region page. */
export const entryImage = (slug: string) => `/og/entries/${slug}.png`;
export const companyImage = (id: string) => `/og/companies/${id}.png`;
export const regionImage = (code: string) => `/og/regions/${code.toLowerCase()}.png`;
