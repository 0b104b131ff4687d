<xsl:transform version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:sch="http://purl.oclc.org/dsdl/schematron">
  <!-- HL7 marks severity by phase ("errors", "warnings"); carry it on each assert as @role so
       one compiled validator reports both. -->
  <xsl:mode on-no-match="shallow-copy"/>
  <xsl:key name="phase-of" match="sch:phase" use="sch:active/@pattern"/>
  <xsl:template match="sch:assert[not(@role)] | sch:report[not(@role)]">
    <xsl:copy>
      <xsl:attribute name="role" select="if (key('phase-of', ancestor::sch:pattern/@id)/@id = 'warnings') then 'warning' else 'error'"/>
      <xsl:apply-templates select="@* | node()"/>
    </xsl:copy>
  </xsl:template>
</xsl:transform>
