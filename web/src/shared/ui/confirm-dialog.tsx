import type { ReactNode } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from './button';
import styles from './confirm-dialog.module.css';

export interface ConfirmDialogProps {
  readonly trigger: string;
  readonly title: string;
  readonly children: ReactNode;
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly isDisabled?: boolean;
}

/** A button that opens a modal asking to confirm; focus is trapped and Escape cancels (React Aria). */
export function ConfirmDialog({ trigger, title, children, confirmLabel, onConfirm, isDisabled }: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      <Button isDisabled={isDisabled ?? false}>{trigger}</Button>
      <ModalOverlay className={styles.overlay} isDismissable>
        <Modal className={styles.modal}>
          <Dialog className={styles.dialog}>
            {({ close }) => (
              <>
                <Heading slot="title">{title}</Heading>
                {children}
                <div className={styles.actions}>
                  <Button variant="secondary" onPress={close}>
                    {t('action.cancel')}
                  </Button>
                  <Button
                    onPress={() => {
                      close();
                      onConfirm();
                    }}
                  >
                    {confirmLabel}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
