// A static export: `next build` prerenders every page (the server render a user's first paint
// comes from), and the consumer test serves the result under /next/.
/** @type {import('next').NextConfig} */
export default { output: 'export', basePath: '/next', trailingSlash: true, poweredByHeader: false };
