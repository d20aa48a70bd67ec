'use client';

import { useEffect, useState } from 'react';

/**
 * A hidden `js=1` field that exists only once the page is hydrated. Actions use it to tell a plain form post
 * (no JavaScript: answer with a redirect to where the reader was) from an enhanced one (answer with state).
 */
export function ScriptMarker() {
  const [isHydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return isHydrated ? <input type="hidden" name="js" value="1" /> : null;
}
