/**
 * The JSON pointer of the first key that repeats within one object of `text` (valid JSON), or null. JSON.parse keeps
 * the last of two equal keys silently, so a hand-edited golden file could hide the value it seems to have.
 */
export function firstDuplicateKey(text: string): string | null {
  // One frame per open object (its keys so far, the key being read) or array (the index being read).
  const stack: ({ keys: Set<string>; key: string | null; expectKey: boolean } | { index: number })[] = [];
  const pointer = (last: string) =>
    [...stack.slice(0, -1).map((f) => ('index' in f ? String(f.index) : (f.key ?? ''))), last]
      .map((p) => `/${p.replace(/~/g, '~0').replace(/\//g, '~1')}`)
      .join('');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const top = stack.at(-1);
    if (c === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (top !== undefined && 'keys' in top && top.expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (top.keys.has(key)) return pointer(key);
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = end;
    } else if (c === '{') stack.push({ keys: new Set(), key: null, expectKey: true });
    else if (c === '[') stack.push({ index: 0 });
    else if (c === '}' || c === ']') stack.pop();
    else if (c === ',' && top !== undefined) {
      if ('index' in top) top.index++;
      else top.expectKey = true;
    }
  }
  return null;
}
