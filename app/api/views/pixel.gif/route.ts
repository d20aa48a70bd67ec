import { signedInView } from '../signed-in';

/** A signed-in reader's view without JavaScript (anonymous ones never get here: server/view-beacon.ts). */
export async function GET(request: Request) {
  return signedInView(request, 'pixel');
}
