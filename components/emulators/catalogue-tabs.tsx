"use client";

import { useRef, useState } from "react";

export interface CatalogueTab {
  /** The `?provider=` value that opens it (deep link); "" for the first tab, the page without one. */
  key: string;
  label: string;
  panel: React.ReactNode;
}

const hrefOf = (key: string) => (key ? `?provider=${encodeURIComponent(key)}` : "?");

/**
 * The /emulators page's tabs (WAI-ARIA tabs: arrow keys, Home and End move between them, each
 * selected as it takes the focus). Each tab is also a link to its `?provider=` address, which the
 * server opens: a deep link, and the tabs still work without JavaScript.
 */
export function CatalogueTabs({ tabs, initial, label }: { tabs: CatalogueTab[]; initial: string; label: string }) {
  const [selected, setSelected] = useState(tabs.some((tab) => tab.key === initial) ? initial : tabs[0].key);
  const tabElements = useRef<(HTMLAnchorElement | null)[]>([]);

  function select(index: number, focus: boolean) {
    const tab = tabs[(index + tabs.length) % tabs.length];
    setSelected(tab.key);
    window.history.replaceState(null, "", tab.key ? hrefOf(tab.key) : window.location.pathname);
    if (focus) tabElements.current[tabs.indexOf(tab)]?.focus();
  }

  function onKeyDown(event: React.KeyboardEvent, index: number) {
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(next, true);
  }

  return (
    <div className="space-y-6">
      <div role="tablist" aria-label={label} className="flex flex-wrap gap-1 border-b border-slate-300">
        {tabs.map((tab, index) => {
          const current = tab.key === selected;
          return (
            <a
              key={tab.key}
              ref={(element) => {
                tabElements.current[index] = element;
              }}
              role="tab"
              id={`tab-${tab.key || "all"}`}
              href={hrefOf(tab.key)}
              aria-selected={current}
              aria-controls={`panel-${tab.key || "all"}`}
              tabIndex={current ? 0 : -1}
              onClick={(event) => {
                event.preventDefault();
                select(index, false);
              }}
              onKeyDown={(event) => onKeyDown(event, index)}
              className={`-mb-px rounded-t-md border px-4 py-2 text-sm font-medium ${
                current
                  ? "border-slate-300 border-b-white bg-white text-slate-900"
                  : "border-transparent text-slate-700 underline hover:bg-slate-200"
              }`}
            >
              {tab.label}
            </a>
          );
        })}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.key}
          role="tabpanel"
          id={`panel-${tab.key || "all"}`}
          aria-labelledby={`tab-${tab.key || "all"}`}
          hidden={tab.key !== selected}
          className="space-y-6"
        >
          {tab.panel}
        </div>
      ))}
    </div>
  );
}
