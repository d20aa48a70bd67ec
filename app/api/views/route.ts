import { signedInView } from './signed-in';

/** A signed-in reader's view beacon (anonymous ones never get here: server/view-beacon.ts). */
export async function POST(request: Request) {
  return signedInView(request, 'beacon');
}
