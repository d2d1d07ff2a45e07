// Texts of the capture page. A language is used when it has a full entry here; anything missing
// falls back to English. To add one, copy the "en" object and translate its values.
export const MESSAGES = {
  en: {
    pageTitle: 'Identity check',
    progress: 'Step {current} of {total}',
    loading: 'Loading…',
    'consent.title': 'Let’s check it’s you',
    'consent.intro': 'This takes about a minute. You will need:',
    'consent.needDocument': 'Your identity document (ID card, passport or driving licence).',
    'consent.needCamera': 'A device with a camera, in a well-lit place.',
    'consent.stepDocument': 'Take a photo of your identity document.',
    'consent.stepSelfie': 'Take a selfie so we can compare it with your photo on file.',
    'consent.stepSelfieKyc': 'Take a selfie so we can compare it with the photo on your document.',
    'consent.privacy': 'Your photos are sent to the organisation that asked you to verify, only to confirm your identity.',
    'consent.agree': 'I agree that my photos and a face comparison are used to verify my identity.',
    'consent.start': 'Start',
    'consent.mustAgree': 'Tick the box to agree before you start.',
    'document.title': 'Photo of your ID document',
    'document.instructions': 'Place the whole document inside the frame, on a flat surface, without glare.',
    'document.capture': 'Take photo',
    'selfie.title': 'Take a selfie',
    'selfie.instructions': 'Look straight at the camera and fit your face inside the oval. Remove sunglasses and hats.',
    'selfie.capture': 'Take selfie',
    'camera.starting': 'Starting the camera…',
    'camera.ready': 'Camera ready.',
    'live.dark': 'Too dark — move to a brighter place',
    'live.bright': 'Too bright — avoid strong light behind you',
    'live.noFace': 'We can’t see your face — move into the oval',
    'live.far': 'Come a little closer',
    'live.manyFaces': 'Only one person should be in the picture',
    'live.good': 'Looks good — hold still',
    'checking.title': 'Checking your photo…',
    'checking.body': 'This takes a few seconds. Please keep this page open.',
    'retry.title': 'Let’s try that again',
    'retry.remaining': 'Attempts left: {n}.',
    'retry.button': 'Try again',
    'retry.generic': 'We could not use that photo. Please take it again.',
    'reason.LOW_FACE_LUMINANCE': 'Your face was too dark. Move to a brighter place and face the light.',
    'reason.HIGH_FACE_LUMINANCE': 'There was too much light on your face. Avoid direct sunlight or a lamp behind the camera.',
    'reason.NO_FACE_DETECTED': 'We could not see your face. Hold the camera at eye level with your whole face inside the oval.',
    'reason.MULTIPLE_FACES_DETECTED': 'More than one face was visible. Make sure only you are in the picture.',
    'reason.LOW_FACE_QUALITY': 'The photo was not clear enough. Hold still, wipe the camera lens and come a little closer.',
    'reason.LOW_LIVENESS_SCORE': 'We could not confirm that you were there in person. Take the selfie yourself, not of a photo or a screen, in even light.',
    'reason.LIVENESS_FACE_ATTACK': 'We could not confirm that you were there in person. Take the selfie yourself, not of a photo or a screen.',
    'reason.LOW_FACE_MATCH_SIMILARITY': 'Your selfie did not match the photo we have. Face the camera directly and remove glasses or anything covering your face.',
    'reason.PORTRAIT_IMAGE_NOT_DETECTED': 'We could not find the photo on your document. Show the whole document, photo side up, and avoid glare.',
    'reason.IMAGE_INVALID': 'The photo could not be read. Please take it again.',
    'done.title': 'Thank you',
    'done.body': 'Your verification has been submitted.',
    'done.redirecting': 'Taking you back in a moment…',
    'done.continue': 'Continue',
    'done.closeTab': 'You can close this page now.',
    'finished.title': 'Already completed',
    'finished.body': 'This verification has already been completed. There is nothing more to do.',
    'expired.title': 'This link has expired',
    'expired.body': 'This verification link is no longer valid. Ask the organisation that sent it for a new one.',
    'notFound.title': 'This link is not valid',
    'notFound.body': 'We could not find this verification. Check that you opened the whole link, or ask the organisation that sent it for a new one.',
    'denied.title': 'Camera access is blocked',
    'denied.body': 'We need your camera to take the photos. To allow it:',
    'denied.tipBrowser': 'Tap the camera or padlock icon in the address bar and choose “Allow” for the camera.',
    'denied.tipPhone': 'On a phone you may also need to allow the camera for your browser in the phone’s settings (Settings › Privacy › Camera).',
    'denied.tipReload': 'Then press “Try again”.',
    'denied.retry': 'Try again',
    'noCamera.title': 'No camera found',
    'noCamera.body': 'We could not find a working camera. Close other apps that may be using it, or open this link on a phone.',
    'insecure.title': 'The camera is not available here',
    'insecure.body': 'Your browser only allows the camera on secure (https) pages or does not support it. Open this link in an up-to-date browser such as Chrome, Safari or Firefox.',
    'error.title': 'Something went wrong',
    'error.body': 'We could not reach the verification service. Check your connection and try again.',
    'error.unavailable': 'The verification service is busy or being updated. Please try again in a few minutes.',
    'error.retry': 'Try again',
    'unsupported.title': 'Please update this page',
    'unsupported.body': 'This verification needs a step this page does not know. Reload the page; if that does not help, contact the organisation that sent the link.',
  },
  es: {
    pageTitle: 'Verificación de identidad',
    progress: 'Paso {current} de {total}',
    loading: 'Cargando…',
    'consent.title': 'Comprobemos que eres tú',
    'consent.intro': 'Tarda alrededor de un minuto. Necesitarás:',
    'consent.needDocument': 'Tu documento de identidad (DNI, pasaporte o permiso de conducir).',
    'consent.needCamera': 'Un dispositivo con cámara, en un lugar bien iluminado.',
    'consent.stepDocument': 'Haz una foto de tu documento de identidad.',
    'consent.stepSelfie': 'Hazte un selfi para compararlo con tu foto registrada.',
    'consent.stepSelfieKyc': 'Hazte un selfi para compararlo con la foto de tu documento.',
    'consent.privacy': 'Tus fotos se envían a la organización que te pidió la verificación, solo para confirmar tu identidad.',
    'consent.agree': 'Acepto que mis fotos y una comparación facial se usen para verificar mi identidad.',
    'consent.start': 'Empezar',
    'consent.mustAgree': 'Marca la casilla para aceptar antes de empezar.',
    'document.title': 'Foto de tu documento',
    'document.instructions': 'Coloca todo el documento dentro del marco, sobre una superficie plana y sin reflejos.',
    'document.capture': 'Hacer foto',
    'selfie.title': 'Hazte un selfi',
    'selfie.instructions': 'Mira de frente a la cámara y encaja tu cara en el óvalo. Quítate gafas de sol y gorros.',
    'selfie.capture': 'Hacer selfi',
    'camera.starting': 'Iniciando la cámara…',
    'camera.ready': 'Cámara lista.',
    'live.dark': 'Demasiado oscuro: busca un lugar con más luz',
    'live.bright': 'Demasiada luz: evita luces fuertes detrás de ti',
    'live.noFace': 'No vemos tu cara: colócate dentro del óvalo',
    'live.far': 'Acércate un poco más',
    'live.manyFaces': 'Solo debe aparecer una persona',
    'live.good': 'Muy bien: no te muevas',
    'checking.title': 'Comprobando tu foto…',
    'checking.body': 'Tarda unos segundos. No cierres esta página.',
    'retry.title': 'Vamos a intentarlo de nuevo',
    'retry.remaining': 'Intentos restantes: {n}.',
    'retry.button': 'Intentar de nuevo',
    'retry.generic': 'No hemos podido usar esa foto. Hazla de nuevo, por favor.',
    'reason.LOW_FACE_LUMINANCE': 'Tu cara estaba demasiado oscura. Busca un lugar con más luz y ponte de cara a ella.',
    'reason.HIGH_FACE_LUMINANCE': 'Había demasiada luz sobre tu cara. Evita el sol directo o una lámpara detrás de la cámara.',
    'reason.NO_FACE_DETECTED': 'No hemos visto tu cara. Sujeta la cámara a la altura de los ojos con toda la cara dentro del óvalo.',
    'reason.MULTIPLE_FACES_DETECTED': 'Se veía más de una cara. Asegúrate de que solo apareces tú.',
    'reason.LOW_FACE_QUALITY': 'La foto no era lo bastante nítida. No te muevas, limpia la lente y acércate un poco.',
    'reason.LOW_LIVENESS_SCORE': 'No hemos podido confirmar que estabas presente. Hazte el selfi tú mismo, no a una foto ni a una pantalla, con luz uniforme.',
    'reason.LIVENESS_FACE_ATTACK': 'No hemos podido confirmar que estabas presente. Hazte el selfi tú mismo, no a una foto ni a una pantalla.',
    'reason.LOW_FACE_MATCH_SIMILARITY': 'Tu selfi no coincide con la foto que tenemos. Mira de frente a la cámara y quítate gafas o lo que cubra tu cara.',
    'reason.PORTRAIT_IMAGE_NOT_DETECTED': 'No encontramos la foto de tu documento. Muestra el documento entero, con la foto hacia arriba y sin reflejos.',
    'reason.IMAGE_INVALID': 'No se ha podido leer la foto. Hazla de nuevo, por favor.',
    'done.title': 'Gracias',
    'done.body': 'Tu verificación se ha enviado.',
    'done.redirecting': 'Te llevamos de vuelta en un momento…',
    'done.continue': 'Continuar',
    'done.closeTab': 'Ya puedes cerrar esta página.',
    'finished.title': 'Ya completada',
    'finished.body': 'Esta verificación ya se ha completado. No tienes que hacer nada más.',
    'expired.title': 'Este enlace ha caducado',
    'expired.body': 'Este enlace de verificación ya no es válido. Pide uno nuevo a la organización que te lo envió.',
    'notFound.title': 'Este enlace no es válido',
    'notFound.body': 'No encontramos esta verificación. Comprueba que has abierto el enlace completo o pide uno nuevo a la organización que te lo envió.',
    'denied.title': 'El acceso a la cámara está bloqueado',
    'denied.body': 'Necesitamos tu cámara para hacer las fotos. Para permitirlo:',
    'denied.tipBrowser': 'Toca el icono de la cámara o del candado en la barra de direcciones y elige «Permitir» para la cámara.',
    'denied.tipPhone': 'En un teléfono quizá también debas permitir la cámara para tu navegador en los ajustes (Ajustes › Privacidad › Cámara).',
    'denied.tipReload': 'Después pulsa «Intentar de nuevo».',
    'denied.retry': 'Intentar de nuevo',
    'noCamera.title': 'No se encontró ninguna cámara',
    'noCamera.body': 'No encontramos una cámara que funcione. Cierra otras aplicaciones que puedan usarla o abre este enlace en un teléfono.',
    'insecure.title': 'La cámara no está disponible aquí',
    'insecure.body': 'Tu navegador solo permite la cámara en páginas seguras (https) o no la admite. Abre este enlace en un navegador actualizado como Chrome, Safari o Firefox.',
    'error.title': 'Algo ha fallado',
    'error.body': 'No pudimos contactar con el servicio de verificación. Comprueba tu conexión e inténtalo de nuevo.',
    'error.unavailable': 'El servicio de verificación está ocupado o en mantenimiento. Inténtalo de nuevo en unos minutos.',
    'error.retry': 'Intentar de nuevo',
    'unsupported.title': 'Actualiza esta página',
    'unsupported.body': 'Esta verificación necesita un paso que esta página no conoce. Recarga la página; si no se soluciona, contacta con la organización que te envió el enlace.',
  },
};

let current = 'en';

/** The first candidate (session language, link language, browser languages) with a translation. */
export function chooseLanguage(candidates) {
  for (const candidate of candidates) {
    if (!candidate) continue;
    const code = String(candidate).toLowerCase();
    if (MESSAGES[code]) return code;
    const base = code.split('-')[0];
    if (MESSAGES[base]) return base;
  }
  return 'en';
}

export function setLanguage(code) {
  current = MESSAGES[code] ? code : 'en';
  document.documentElement.lang = current;
  document.title = t('pageTitle');
  const bar = document.getElementById('bar-title');
  if (bar) bar.textContent = t('pageTitle');
}

export function hasText(key) {
  return key in MESSAGES[current] || key in MESSAGES.en;
}

export function t(key, vars = {}) {
  const text = MESSAGES[current][key] ?? MESSAGES.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}
