import { useId } from 'react';

/** A search box's name and text. */
export interface SearchFieldProps {
  /** Its accessible name, also shown as the placeholder. */
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Longest text accepted, in UTF-16 units. */
  maxLength?: number;
  /** Takes the focus when shown (a page whose first task is searching). */
  autoFocus?: boolean;
}

/** A search box (role "searchbox") named by a visually hidden label. */
export function SearchField({ label, value, onChange, maxLength, autoFocus = false }: SearchFieldProps) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        type="search"
        value={value}
        maxLength={maxLength}
        autoFocus={autoFocus}
        onChange={(event) => onChange(event.target.value)}
        placeholder={label}
        className="w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-200"
      />
    </>
  );
}
