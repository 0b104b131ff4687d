import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { Button, Form } from 'react-aria-components'
import { Link } from 'react-router'
import { isApiError, postJson } from '../../ui/api.ts'
import { useDocumentTitle } from '../../ui/document-title.ts'
import { Card, Page } from '../../ui/layout.tsx'
import { ProblemAlert } from '../problem-alert.tsx'
import type { ContactDetails } from '../session.ts'
import { PersonFields, type PersonInfo } from '../signin/PersonFields.tsx'
import { usePractice } from '../signin/PublicLayout.tsx'
import { ContactDetailsView } from './ContactDetailsView.tsx'

/**
 * Contact us before signing in: the visitor says who they are, so the answer can be their own
 * clinic's address, phone, email and hours.
 */
export default function ContactPage() {
  const practice = usePractice()
  useDocumentTitle('Contact us', practice.name)
  const alertId = useId()
  const [person, setPerson] = useState<PersonInfo>({ firstName: '', lastName: '', birthdate: '' })
  const lookUp = useMutation({
    mutationFn: (body: PersonInfo) => postJson<ContactDetails>('/api/public/contact', body),
  })

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (lookUp.isPending) return
    lookUp.mutate({
      ...person,
      firstName: person.firstName.trim(),
      lastName: person.lastName.trim(),
    })
  }

  return (
    <Page
      footer={
        <>
          <Link to="/">Back to sign in</Link>
          <Link to="/forgot-password">Forgot password</Link>
        </>
      }
    >
      <Card brand={practice.name}>
        <h1 id="contact-title">Contact us</h1>
        {lookUp.isSuccess ? (
          <>
            <ContactDetailsView details={lookUp.data} />
            <Button className="button button-secondary" onPress={() => lookUp.reset()}>
              Look up again
            </Button>
          </>
        ) : (
          <>
            <p>
              Tell us who you are, and we will show the address, phone number and hours of your
              dental office.
            </p>
            <Form
              className="form"
              onSubmit={submit}
              validationErrors={isApiError(lookUp.error) ? lookUp.error.errors : {}}
              aria-labelledby="contact-title"
              aria-describedby={lookUp.isError ? alertId : undefined}
            >
              <PersonFields value={person} onChange={setPerson} />
              {lookUp.isError ? (
                <ProblemAlert key={lookUp.submittedAt} id={alertId} error={lookUp.error} />
              ) : null}
              <Button className="button" type="submit">
                {lookUp.isPending ? 'Looking up…' : 'Show contact details'}
              </Button>
            </Form>
          </>
        )}
      </Card>
    </Page>
  )
}
