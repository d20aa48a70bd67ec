/**
 * The view beacon's addresses (docs/adr/0027), for both ends: the page script that sends it
 * (components/page-script/view-beacon.ts) and the front that answers it (server/view-beacon.ts). Free of imports, so
 * the browser's bundle takes nothing else with it.
 */
export const BEACON_PATH = '/api/views';
export const PIXEL_PATH = '/api/views/pixel.gif';
