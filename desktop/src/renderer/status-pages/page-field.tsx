import type { PageForm } from './page-form.js';
import { type FormFieldProps, FormField as SharedFormField } from '../components/form-field.js';

/** What a part of the designer needs: the form, a way to change it, and the error to show at a path. */
export interface PageBinding {
  form: PageForm;
  change(update: (form: PageForm) => PageForm): void;
  /** Marks a field as visited, so its error shows from now on. */
  touch(path: string): void;
  error(path: string): string | undefined;
}

/** A labelled field with its hint, or its error in the hint's place. */
export function PageField({ id, ...rest }: Omit<FormFieldProps, 'id' | 'idPrefix'> & { id: string }) {
  return <SharedFormField id={id} idPrefix="page" {...rest} />;
}

/** The props that wire a text input to a text field of the form. */
export function bindPageText(
  page: PageBinding,
  key: 'description' | 'homepageUrl' | 'rangeDays' | 'customDomain',
) {
  const error = page.error(key);
  return {
    id: `page-${key}`,
    value: page.form[key],
    onChange: (event: { target: { value: string } }) =>
      page.change((form) => ({ ...form, [key]: event.target.value })),
    onBlur: () => page.touch(key),
    'aria-invalid': error !== undefined,
  };
}
