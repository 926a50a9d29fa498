import type { FormAction } from "../../_lib/form-state";
import { ActionForm } from "./action-form";
import { Field } from "./field";
import { SubmitButton } from "./submit-button";

interface JoinCodeFormProps {
  action: FormAction;
  label: string;
  hint: string;
  submit: string;
  labelledBy?: string;
}

/** The join-code form of the groups page and the join page. */
export function JoinCodeForm({ action, label, hint, submit, labelledBy }: JoinCodeFormProps) {
  return (
    <ActionForm action={action} aria-labelledby={labelledBy}>
      <Field name="code" label={label} hint={hint} required autoComplete="off" spellCheck={false} />
      <SubmitButton>{submit}</SubmitButton>
    </ActionForm>
  );
}
