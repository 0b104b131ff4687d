import { type RefObject, useRef } from 'react'
import type { AriaMenuOptions } from 'react-aria'
import {
  Header,
  Menu,
  MenuContext,
  MenuItem,
  MenuSection,
  OverlayTriggerStateContext,
  Popover,
  PopoverContext,
  Provider,
  RootMenuTriggerStateContext,
  type Selection,
} from 'react-aria-components'
import type { RootMenuTriggerState } from 'react-stately'
import { useT } from '../../ui/i18n/i18n.tsx'
import type { PortalSession } from '../session.ts'
import { displayName, statusNote } from '../session-rules.ts'

type Member = PortalSession['family'][number]

/**
 * The patient-name menu's list (PortalHeader.tsx holds its button and MenuTrigger): the family to
 * switch between, then Refresh, Change password, Security and Sign out.
 */
export function PatientMenu({
  trigger: { state, menuProps, triggerRef },
  session,
  self,
  selected,
  onChoosePatient,
  onRefresh,
  onChangePassword,
  onSecurity,
  onSignOut,
}: {
  /** From the header's button: what React Aria's MenuTrigger gives its popover and menu. */
  trigger: {
    state: RootMenuTriggerState
    menuProps: AriaMenuOptions<unknown>
    triggerRef: RefObject<HTMLButtonElement | null>
  }
  session: PortalSession
  self: Member | undefined
  selected: Member | undefined
  onChoosePatient: (keys: Selection) => void
  onRefresh: () => void
  onChangePassword: () => void
  onSecurity: () => void
  onSignOut: () => void
}) {
  const t = useT()
  const scrollRef = useRef<HTMLDivElement>(null)
  return (
    <Provider
      values={[
        [MenuContext, { ...menuProps, ref: scrollRef }],
        [OverlayTriggerStateContext, state],
        [RootMenuTriggerStateContext, state],
        [
          PopoverContext,
          {
            trigger: 'MenuTrigger',
            triggerRef,
            scrollRef,
            placement: 'bottom start',
            'aria-labelledby': menuProps['aria-labelledby'],
          },
        ],
      ]}
    >
      <Popover className="menu-popover" placement="bottom end">
        <Menu className="menu" aria-label={t('header.patientMenu')}>
          {session.family.length > 1 ? (
            <MenuSection
              className="menu-section"
              selectionMode="single"
              disallowEmptySelection
              selectedKeys={selected ? [selected.id] : []}
              onSelectionChange={onChoosePatient}
            >
              <Header className="menu-header">{t('header.family')}</Header>
              {session.family.map((member) => {
                const status = statusNote(member)
                const note = status ? t('patient.status', { status }) : undefined
                const name = displayName(member)
                return (
                  <MenuItem
                    key={member.id}
                    id={member.id}
                    className="menu-item"
                    textValue={note ? `${name}, ${note}` : name}
                  >
                    <span className="menu-check" aria-hidden="true" />
                    <span>
                      {name}
                      {note ? <span className="menu-note">, {note}</span> : null}
                    </span>
                  </MenuItem>
                )
              })}
            </MenuSection>
          ) : null}
          <MenuSection className="menu-section">
            <Header className="menu-header">
              {t('header.signedInAs', { name: self ? displayName(self) : session.username })}
            </Header>
            <MenuItem id="refresh" className="menu-item" onAction={onRefresh}>
              {t('header.refresh')}
            </MenuItem>
            <MenuItem id="change-password" className="menu-item" onAction={onChangePassword}>
              {t('header.changePassword')}
            </MenuItem>
            <MenuItem id="security" className="menu-item" onAction={onSecurity}>
              {t('header.security')}
            </MenuItem>
            <MenuItem id="sign-out" className="menu-item" onAction={onSignOut}>
              {t('header.signOut')}
            </MenuItem>
          </MenuSection>
        </Menu>
      </Popover>
    </Provider>
  )
}
