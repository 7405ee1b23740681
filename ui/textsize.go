package ui

// textSizeChoices pairs the stored text sizes with their shown names.
func textSizeChoices() (sizes, names []string) {
	return []string{textNormal, textLarge, textLarger},
		[]string{tr("settings.textsize.normal"), tr("settings.textsize.large"), tr("settings.textsize.larger")}
}

// newTextSizeRow offers normal, large or larger text; set applies a change
// at once.
func newTextSizeRow(current string, set func(size string)) *radioGroup {
	sizes, names := textSizeChoices()
	return newChoiceRow(sizes, names, current, set)
}
