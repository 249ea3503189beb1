{{/* The release's full name, at most 63 characters. */}}
{{- define "credrift.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "credrift.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "credrift.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "credrift.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: credrift
{{- end -}}

{{- define "credrift.selectorLabels" -}}
app.kubernetes.io/name: {{ include "credrift.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/*
The Deployments to run: one ("credrift", every role) or, with splitRoles, three. Each names the credrift roles it runs,
the Kubernetes callers whose rules its ServiceAccount gets (dev.credrift.api.access.Caller), and its values.
*/}}
{{- define "credrift.components" -}}
{{- if .Values.splitRoles }}
- name: watcher
  suffix: "-watcher"
  roles: [watcher]
  callers: [watcher]
  replicas: {{ .Values.watcher.replicas }}
  resources: {{ toJson .Values.watcher.resources }}
- name: reconciler
  suffix: "-reconciler"
  roles: [reconciler]
  callers: [reconciler]
  replicas: {{ .Values.reconciler.replicas }}
  resources: {{ toJson .Values.reconciler.resources }}
- name: notifier
  suffix: "-notifier"
  roles: [notifier]
  callers: []
  replicas: {{ .Values.notifier.replicas }}
  resources: {{ toJson .Values.notifier.resources }}
{{- else }}
- name: all
  suffix: ""
  roles: [watcher, reconciler, notifier]
  callers: [watcher, reconciler]
  replicas: {{ .Values.allInOne.replicas }}
  resources: {{ toJson .Values.allInOne.resources }}
{{- end }}
{{- end -}}

{{/* The ServiceAccount name of a component: (dict "root" $ "component" $c) */}}
{{- define "credrift.serviceAccountName" -}}
{{- $fullname := include "credrift.fullname" .root -}}
{{- if .root.Values.serviceAccount.name -}}
{{- printf "%s%s" .root.Values.serviceAccount.name .component.suffix -}}
{{- else -}}
{{- printf "%s%s" $fullname .component.suffix -}}
{{- end -}}
{{- end -}}

{{/* The ServiceAccounts that act as a caller (watcher or reconciler), as a YAML list of names. */}}
{{- define "credrift.callerAccounts" -}}
{{- $root := .root -}}
{{- $caller := .caller -}}
{{- range $c := (include "credrift.components" $root | fromYamlArray) }}
{{- if has $caller $c.callers }}
- {{ include "credrift.serviceAccountName" (dict "root" $root "component" $c) }}
{{- end }}
{{- end }}
{{- end -}}

{{- define "credrift.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{/* Fails rendering with a message naming the value, when a required Secret reference is missing. */}}
{{- define "credrift.requireSecret" -}}
{{- if not .ref.name -}}
{{- fail (printf "%s.name is required: the name of the Secret that holds it (key %s)" .path .ref.key) -}}
{{- end -}}
{{- end -}}

{{/* The label matcher of credrift's scrape jobs in alert rules: the ServiceMonitor's job is the Service's name. */}}
{{- define "credrift.alertJob" -}}
{{- if .Values.prometheusRule.jobSelector -}}
{{- .Values.prometheusRule.jobSelector -}}
{{- else -}}
job=~"{{ include "credrift.fullname" . }}(-watcher|-reconciler|-notifier)?"
{{- end -}}
{{- end -}}
